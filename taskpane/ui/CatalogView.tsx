import { Button, Field, Input, MessageBar, MessageBarBody, Text, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { PaneController } from '../controller';
import { usePane } from './App';
import { STRINGS } from './strings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '10px', marginTop: '10px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', minWidth: 0 },
  // Fluent's Input asks for 250 px by default: in a 320 px pane it must fit its field instead.
  input: { minWidth: 0, width: '100%' },
  problems: { marginTop: '0', paddingLeft: '18px', maxHeight: '240px', overflowY: 'auto' },
});

/** The catalog in use, and importing the bureau's own catalog from a worksheet. */
export function CatalogView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane, validation } = usePane(controller);
  const t = STRINGS[pane.lang];
  const catalog = pane.catalog.catalog;
  const years = catalog.years;
  // 2026 and 2027 carry no known change from 2025: named as the same, not as editions of their own.
  const own = years.filter((y) => catalog.sameAs(y) === undefined);
  const same = years.flatMap((y) => { const base = catalog.sameAs(y); return base === undefined ? [] : [t.sameEdition(y, base)]; });
  const [label, setLabel] = useState(pane.lang === 'zh' ? '本地区科目目录' : 'Regional catalog');
  // The workbook's budget year once it has been checked; else the latest edition.
  const [year, setYear] = useState(String(validation.result?.year ?? years[years.length - 1]));
  const yearOk = /^(19|20)\d\d$/.test(year.trim());
  const problems = pane.importProblems ?? [];
  return (
    <div className={styles.stack}>
      <Text data-testid="editions">{t.catalogBuiltIn(own.join(pane.lang === 'zh' ? '、' : ', '), same.join(pane.lang === 'zh' ? '、' : ', '))}</Text>
      {pane.catalog.label && <MessageBar intent="info"><MessageBarBody>{t.catalogImported(pane.catalog.label, (pane.catalog.savedAt ?? '').slice(0, 10))}</MessageBarBody></MessageBar>}
      <Text as="h2" weight="semibold">{t.importTitle}</Text>
      <Text size={200}>{t.importHelp}</Text>
      <div className={styles.row}>
        <Field label={t.importLabel} style={{ flexGrow: 1, flexBasis: '140px', minWidth: 0 }}>
          <Input className={styles.input} value={label} onChange={(_, d) => setLabel(d.value)} />
        </Field>
        <Field label={t.importYear} validationState={yearOk ? 'none' : 'error'} style={{ width: 80 }}>
          <Input className={styles.input} value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!yearOk || label.trim() === ''} onClick={() => void controller.importFromSelection(label.trim(), Number(year))}>{t.importButton}</Button>
        {pane.catalog.label && <Button onClick={() => controller.forgetImport()}>{t.forget}</Button>}
      </div>
      {problems.length > 0 && (
        <section aria-label={t.importProblems(problems.length)}>
          <Text weight="semibold">{t.importProblems(problems.length)}</Text>
          <ul className={styles.problems}>
            {problems.slice(0, 200).map((p, i) => <li key={i}>{p.text[pane.lang]}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
