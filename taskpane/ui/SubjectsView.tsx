import { Button, SearchBox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { KIND_NAMES_EN, KIND_NAMES_ZH } from '../../src/catalog/catalog';
import type { PaneController } from '../controller';
import { usePane } from './App';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '10px' },
  list: { listStyleType: 'none', paddingLeft: '0', marginTop: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'flex', alignItems: 'center', gap: '6px', paddingTop: '4px', paddingBottom: '4px', borderBottomWidth: '1px', borderBottomStyle: 'solid', borderBottomColor: tokens.colorNeutralStroke2 },
  text: { flexGrow: 1, minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px' },
  meta: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

/** Subject search by code, name or pinyin initials, with insertion into the selected cell. */
export function SubjectsView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane } = usePane(controller);
  const t = STRINGS[pane.lang];
  const [query, setQuery] = useState('');
  const hits = useMemo(() => (query.trim() === '' ? [] : pane.catalog.catalog.search(query, { limit: 30 })), [query, pane.catalog]);
  const kindName = pane.lang === 'zh' ? KIND_NAMES_ZH : KIND_NAMES_EN;
  return (
    <div className={styles.stack}>
      <SearchBox aria-label={t.subjectSearch} placeholder={t.subjectSearch} value={query} onChange={(_, d) => setQuery(d.value)} />
      <Text size={200}>{t.subjectHint}</Text>
      {query.trim() !== '' && hits.length === 0 && <Text>{t.noSubjects}</Text>}
      <ul className={styles.list} aria-label={t.tabSubjects}>
        {hits.map(({ subject: s }) => (
          <li key={`${s.kind}-${s.code}`} className={styles.item} data-testid="subject">
            <span className={styles.text}>
              <span className={styles.code}>{s.code}</span>
              <span>{s.name}</span>
              <span className={styles.meta}>{kindName[s.kind]} · {t.level[s.level]}{s.parent ? ` · ${s.parent}` : ''}</span>
            </span>
            <Button size="small" onClick={() => void controller.insert(s.code)} aria-label={`${t.insertCode} ${s.code}`}>{t.insertCode}</Button>
            <Button size="small" appearance="subtle" onClick={() => void controller.insert(s.name)} aria-label={`${t.insertName} ${s.name}`}>{t.insertName}</Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
