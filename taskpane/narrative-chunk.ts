/**
 * The 情况说明 chunk (narrative.js): drafting and checking (src/narrative), the pane's controller for them and the
 * panel's words, loaded when the 情况说明 tab is first opened (narrative-loader.ts), never with the pane.
 */
import type { PaneController } from './controller';
import { NarrativeController } from './narrative';

export { NARRATIVE_STRINGS, type NarrativeStrings } from './ui/narrative-strings';
export { NarrativeController } from './narrative';

/** One 情况说明 state per pane, kept while the user is on other tabs. */
const controllers = new WeakMap<PaneController, NarrativeController>();

export function narrativeOf(pane: PaneController): NarrativeController {
  let nc = controllers.get(pane);
  if (!nc) {
    nc = new NarrativeController(pane.host);
    controllers.set(pane, nc);
  }
  return nc;
}
