type NarrativeChunk = typeof import('./narrative-chunk');

/**
 * Loads the 情况说明 chunk (narrative-chunk.ts: src/narrative, its controller and words) from the add-in's own files
 * when its tab is first opened: the first load of the pane does not carry it. A property, not a function, so tests
 * (where webpack's import() does not exist) give the source module instead.
 */
export const narrativeChunk: { load: () => Promise<NarrativeChunk> } = {
  // `.js` as Node's ES module rules want it: webpack maps it to the .ts source (resolve.extensionAlias).
  load: () => import(/* webpackChunkName: "narrative" */ './narrative-chunk.js'),
};
