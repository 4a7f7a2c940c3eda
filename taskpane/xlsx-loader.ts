type XlsxChunk = typeof import('./xlsx-chunk');

/**
 * Loads the .xlsx chunk (xlsx-chunk.ts: ExcelJS, about 250 KB gzip) from the add-in's own files when the user
 * picks a workbook file: the first load of the pane does not carry it. A property, not a function, so tests
 * (where webpack's import() does not exist) give the source module instead.
 */
export const xlsxChunk: { load: () => Promise<XlsxChunk> } = {
  // `.js` as Node's ES module rules want it: webpack maps it to the .ts source (resolve.extensionAlias).
  load: () => import(/* webpackChunkName: "xlsx" */ './xlsx-chunk.js'),
};
