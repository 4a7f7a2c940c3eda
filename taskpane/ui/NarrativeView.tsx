import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PaneController } from '../controller';
import type { NarrativeController } from '../narrative';
import { narrativeChunk } from '../narrative-loader';
import { usePane } from './App';
import { NarrativePanel } from './NarrativePanel';
import type { NarrativeStrings } from './narrative-strings';
import { STRINGS } from './strings';

type Loaded = { readonly nc: NarrativeController; readonly own: Record<'zh' | 'en', NarrativeStrings> };

/**
 * The 情况说明 tab: loads its chunk (narrative.js: src/narrative, the controller and the panel's words) when first
 * opened, then shows the panel. The panel itself is in the pane's bundle: made of components the pane already
 * carries, it costs the first load little, where a panel in the chunk would make webpack keep the Fluent UI modules
 * it shares with the pane apart (measured: about 12 KB gzip more).
 */
export function NarrativeView({ controller }: { controller: PaneController }) {
  const [loaded, setLoaded] = useState<Loaded | 'failed'>();
  useEffect(() => {
    let live = true;
    narrativeChunk.load().then(
      (m) => { if (live) setLoaded({ nc: m.narrativeOf(controller), own: m.NARRATIVE_STRINGS }); },
      () => { if (live) setLoaded('failed'); },
    );
    return () => { live = false; };
  }, [controller]);
  const { pane } = usePane(controller);
  if (loaded === 'failed') return <MessageBar intent="error" style={{ marginTop: 10 }}><MessageBarBody>{STRINGS[pane.lang].failed('narrative.js')}</MessageBarBody></MessageBar>;
  if (!loaded) return null;
  return <NarrativePanel nc={loaded.nc} lang={pane.lang} words={STRINGS[pane.lang]} own={loaded.own[pane.lang]} />;
}
