import { Button, MessageBar, MessageBarActions, MessageBarBody, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { KIND_NAMES_EN, KIND_NAMES_ZH } from '../../src/catalog/catalog';
import type { PaneController } from '../controller';
import { usePane } from './App';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '10px' },
  list: { listStyleType: 'none', paddingLeft: '0', marginTop: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  // Code and name beside the two buttons, the kind, level and parent on a line of their own below, the pane's whole
  // width: in a 320 px pane the parent's name ("20101 人大事务") is not cut in the middle.
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto auto', alignItems: 'center', columnGap: '4px', paddingTop: '4px', paddingBottom: '4px', borderBottomWidth: '1px', borderBottomStyle: 'solid', borderBottomColor: tokens.colorNeutralStroke2 },
  text: { minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px' },
  // A button label never breaks inside a word (插入编/码).
  insert: { whiteSpace: 'nowrap', flexShrink: 0, minWidth: 0 },
  meta: { display: 'block', gridColumnStart: '1', gridColumnEnd: '-1', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

const SHOWN = 30;

/** Subject search by code, name or pinyin initials, with insertion into the selected cell. */
export function SubjectsView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane, validation } = usePane(controller);
  const t = STRINGS[pane.lang];
  const [query, setQuery] = useState('');
  // The edition of the workbook's budget year once it has been checked (else the newest), named as it is: 2026 and
  // 2027 as the same as 2025.
  const year = validation.result?.year;
  const catalog = pane.catalog.catalog;
  const choice = catalog.editionFor(year);
  // A common name (行政运行) matches scores of subjects: the first 30 are listed, and how many more there are said.
  const all = useMemo(() => (query.trim() === '' ? [] : catalog.search(query, { limit: 1000, year })), [query, catalog, year]);
  const hits = all.slice(0, SHOWN);
  const parentName = (code: string) => catalog.name(code, { kind: undefined, year }) ?? '';
  const kindName = pane.lang === 'zh' ? KIND_NAMES_ZH : KIND_NAMES_EN;
  return (
    <div className={styles.stack}>
      <SearchBox style={{ minWidth: 0, maxWidth: '100%' }} aria-label={t.subjectSearch} placeholder={t.subjectSearch} value={query} onChange={(_, d) => setQuery(d.value)} />
      <Text size={200}>{t.subjectHint}</Text>
      <Text size={200} data-testid="subject-edition">{t.edition(choice.year, choice.exact, year !== undefined, catalog.sameAs(choice.year))}</Text>
      {pane.inserted && (
        // What was just written, with its way back.
        <MessageBar intent="success" data-testid="inserted">
          <MessageBarBody>{t.inserted(pane.inserted.text, pane.inserted.address)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" aria-label={t.undoInsertLabel(pane.inserted.address)} onClick={() => void controller.undoInsert()}>{t.undo}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {pane.insertAsk && (
        // Nothing is written over a cell's content without the user's yes.
        <MessageBar intent="warning" layout="multiline" data-testid="insert-ask">
          <MessageBarBody>{t.overwriteAsk(pane.insertAsk.address, pane.insertAsk.held, pane.insertAsk.text)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void controller.confirmInsert()}>{t.overwrite}</Button>
            <Button size="small" autoFocus onClick={() => controller.cancelInsert()}>{t.cancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {query.trim() !== '' && hits.length === 0 && <Text>{t.noSubjects}</Text>}
      <ul className={styles.list} aria-label={t.tabSubjects}>
        {hits.map(({ subject: s }) => (
          <li key={`${s.kind}-${s.code}`} className={styles.item} data-testid="subject">
            <span className={styles.text}>
              <span className={styles.code}>{s.code}</span>
              <span>{s.name}</span>
            </span>
            <Button size="small" className={styles.insert} onClick={() => void controller.insert(s.code)} aria-label={`${t.insertCode} ${s.code}`}>{t.insertCode}</Button>
            <Button size="small" appearance="subtle" className={styles.insert} onClick={() => void controller.insert(s.name)} aria-label={`${t.insertName} ${s.name}`}>{t.insertName}</Button>
            <span className={styles.meta}>{kindName[s.kind]} · {t.level[s.level]}{s.parent ? ` · ${s.parent} ${parentName(s.parent)}` : ''}</span>
          </li>
        ))}
      </ul>
      {all.length > hits.length && <Text size={200} data-testid="more-subjects">{t.moreSubjects(all.length - hits.length)}</Text>}
    </div>
  );
}
