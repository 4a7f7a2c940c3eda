import { Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList, Text, ToggleButton, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { DismissRegular, LocalLanguageRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import type { PaneController } from '../controller';
import { roundChunk } from '../round-loader';
import { CatalogView } from './CatalogView';
import { FindingsView } from './FindingsView';
import { KIT } from './kit';
import { NarrativeView } from './NarrativeView';
import { STRINGS } from './strings';
import { SubjectsView } from './SubjectsView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  // Office shows the add-in's name above the pane: the title is for screen readers, the tabs come first, and they
  // wrap onto a second line rather than scroll sideways in a narrow pane.
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: '2px', paddingTop: '4px', paddingRight: '4px', minWidth: 0 },
  title: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  tabs: { flexWrap: 'wrap', minWidth: 0, flexShrink: 1 },
  body: { flexGrow: 1, paddingLeft: '10px', paddingRight: '10px', paddingBottom: '16px', minWidth: 0 },
});

type TabId = 'findings' | 'round' | 'narrative' | 'subjects' | 'catalog';

/**
 * The 舍位平衡 tab, loaded the first time it is opened (round.js) and handed the Fluent UI parts it uses (kit.ts):
 * not part of the pane's first load. Where the file cannot be fetched the tab says so instead.
 */
const RoundView = lazy(() => roundChunk.load().then((m) => ({ default: m.roundView(KIT) }), () => ({ default: RoundUnavailable })));

function RoundUnavailable({ controller }: { controller: PaneController }) {
  const { pane } = usePane(controller);
  return <MessageBar intent="error" style={{ marginTop: 10 }}><MessageBarBody>{STRINGS[pane.lang].failed('round.js')}</MessageBarBody></MessageBar>;
}

/** Reads the controller's two stores; React re-renders on any change of either. */
export function usePane(controller: PaneController) {
  const pane = useSyncExternalStore((l) => controller.subscribe(l), () => controller.state);
  const validation = useSyncExternalStore((l) => controller.subscribe(l), () => controller.validation);
  return { pane, validation };
}

export function App({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane } = usePane(controller);
  const [tab, setTab] = useState<TabId>('findings');
  const t = STRINGS[pane.lang];
  const dark = controller.host.theme() === 'dark';
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={pane.lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" className={styles.title}>{t.appTitle}</Text>
          <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
            <Tab value="findings">{t.tabFindings}</Tab>
            <Tab value="round">{t.tabRound}</Tab>
            <Tab value="narrative">{t.tabNarrative}</Tab>
            <Tab value="subjects">{t.tabSubjects}</Tab>
            <Tab value="catalog">{t.tabCatalog}</Tab>
          </TabList>
          <ToggleButton
            size="small"
            appearance="subtle"
            icon={<LocalLanguageRegular />}
            checked={pane.lang === 'en'}
            title={t.languageLabel}
            style={{ flexShrink: 0 }}
            lang={pane.lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => controller.setLang(pane.lang === 'zh' ? 'en' : 'zh')}
          >
            {t.language}
          </ToggleButton>
        </header>
        <main className={styles.body}>
          {pane.toast && (
            <MessageBar intent={pane.toast.intent} role="status" style={{ marginTop: 8 }}>
              <MessageBarBody>{pane.toast.text[pane.lang]}</MessageBarBody>
              <MessageBarActions containerAction={<Button size="small" appearance="transparent" aria-label={t.close} icon={<DismissRegular />} onClick={() => controller.dismissToast()} />} />
            </MessageBar>
          )}
          {tab === 'findings' && <FindingsView controller={controller} />}
          {tab === 'round' && <Suspense fallback={null}><RoundView controller={controller} /></Suspense>}
          {tab === 'narrative' && <NarrativeView controller={controller} />}
          {tab === 'subjects' && <SubjectsView controller={controller} />}
          {tab === 'catalog' && <CatalogView controller={controller} />}
        </main>
      </div>
    </FluentProvider>
  );
}
