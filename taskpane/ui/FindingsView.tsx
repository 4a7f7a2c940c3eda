import {
  Button, Dropdown, Field, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody,
  MessageBarTitle, Option, ProgressBar, SearchBox, Switch, Text, Textarea, ToggleButton, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkCircleRegular, DismissRegular, EraserRegular, NoteEditRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { findingKey, findingPlace } from '../../src/export';
import { render, type Finding, type RawFinding } from '../../src/findings';
import type { Cause } from '../../src/locate/locate';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH, type TableKind } from '../../src/table';
import { orderCauses } from '../causes';
import type { PaneController } from '../controller';
import type { Explanation } from '../ops/explanations';
import { MARK_COLORS } from '../office/marks';
import { usePane } from './App';
import { AppliedView, CausesView, LocationStatus, UnlocatedNote } from './CausesView';
import { GRADE_ORDER, gradeOf, type Grade } from './grade';
import { STRINGS, type Strings } from './strings';

/** Griffel wants longhand border properties. */
function border(width: string, color: string, left = width) {
  return {
    borderTopWidth: width, borderRightWidth: width, borderBottomWidth: width, borderLeftWidth: left,
    borderTopStyle: 'solid', borderRightStyle: 'solid', borderBottomStyle: 'solid', borderLeftStyle: 'solid',
    borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color,
  } as const;
}

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center', marginTop: '10px', marginBottom: '8px' },
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  tables: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  group: { marginTop: '10px' },
  groupTitle: { display: 'block', marginBottom: '4px', fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', paddingLeft: '0', marginTop: '0', marginBottom: '0', display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { ...border('1px', tokens.colorNeutralStroke2, '4px'), borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  row: {
    display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', backgroundColor: 'transparent', color: 'inherit', fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    borderTopWidth: '0', borderBottomWidth: '0', borderLeftWidth: '0', borderRightWidth: '0', paddingTop: '6px', paddingBottom: '4px', paddingLeft: '8px', paddingRight: '8px',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  message: { display: 'block', marginTop: '2px', lineHeight: tokens.lineHeightBase300 },
  numbers: { display: 'flex', flexWrap: 'wrap', columnGap: '10px', marginTop: '2px', color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: '4px', paddingLeft: '8px', paddingRight: '4px', paddingBottom: '4px' },
  note: { display: 'block', marginTop: '3px', fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  editor: { display: 'flex', flexDirection: 'column', gap: '6px', paddingLeft: '8px', paddingRight: '8px', paddingBottom: '8px' },
  chip: { display: 'inline-block', paddingLeft: '6px', paddingRight: '6px', borderRadius: tokens.borderRadiusSmall, fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold, lineHeight: '18px', color: '#1a1a1a', ...border('1px', 'rgba(0,0,0,0.25)') },
  outline: { backgroundColor: 'transparent', color: tokens.colorNeutralForeground2, ...border('1px', tokens.colorNeutralStroke1) },
});

/** The chip has the colour the cell is marked with in the sheet, so the pane and the sheet read alike. */
const CHIP_COLOR: Record<Grade, string> = { error: MARK_COLORS.error, rounding: MARK_COLORS.rounding, warning: MARK_COLORS.rounding, info: MARK_COLORS.info };
const BORDER_COLOR: Record<Grade, string> = { error: '#D55E00', rounding: '#0072B2', warning: '#0072B2', info: '#B8A800' };

function gradeWord(t: Strings, g: Grade): string {
  return g === 'error' ? t.error : g === 'rounding' ? t.rounding : g === 'warning' ? t.warning : t.info;
}

export function GradeChip({ grade, t }: { grade: Grade; t: Strings }) {
  const styles = useStyles();
  return <span className={styles.chip} style={{ backgroundColor: CHIP_COLOR[grade] }}>{gradeWord(t, grade)}</span>;
}

type SeverityFilter = 'all' | Grade;

interface Shown {
  /** Index in the result's findings (what a located cause refers to). */
  readonly index: number;
  readonly raw: RawFinding;
  readonly f: Finding;
  readonly key: string;
  readonly grade: Grade;
}

export function FindingsView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane, validation } = usePane(controller);
  const t = STRINGS[pane.lang];
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [table, setTable] = useState<string>('');
  const [query, setQuery] = useState('');
  const result = validation.result;
  const tableName = (k: TableKind | null) => (k ? (pane.lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN)[k] : t.otherTable);

  const shown = useMemo<Shown[]>(() => (result?.findings ?? []).map((raw, index) => ({ index, raw, f: render(raw, pane.lang), key: findingKey(raw), grade: gradeOf(raw) })), [result, pane.lang]);
  // The likely wrong cells of this result, once located; their findings are listed under them, not again below.
  const location = result && pane.location?.result === result ? pane.location : undefined;
  const causes = useMemo(() => (location?.status === 'done' ? orderCauses(location.causes) : []), [location]);
  const claimed = useMemo(() => new Set(causes.flatMap((c) => c.findings)), [causes]);
  // The locator's own answer: a failure it did not reach or could not solve is not said to be unexplainable.
  const noCause = useMemo(() => new Set(location?.status === 'done' ? location.unexplained : []), [location]);
  const unlocated = location?.status === 'done' ? location.unexamined + location.unsolvable : 0;
  const counts = useMemo(() => {
    const c: Record<Grade, number> = { error: 0, warning: 0, rounding: 0, info: 0 };
    const byTable = new Map<string, number>();
    for (const s of shown) {
      c[s.grade]++;
      const k = s.f.table ?? '';
      byTable.set(k, (byTable.get(k) ?? 0) + 1);
    }
    return { c, byTable };
  }, [shown]);

  const q = query.trim().toLowerCase();
  const filtered = shown.filter((s) => (severity === 'all' || s.grade === severity)
    && (table === '' || (s.f.table ?? '') === table)
    && (q === '' || `${s.f.message} ${s.f.sheet} ${s.f.cells.join(' ')}`.toLowerCase().includes(q)));
  const filtering = severity !== 'all' || table !== '' || q !== '';
  const passing = new Set(filtered.map((s) => s.index));
  // With a filter on, a cause shows when one of the findings it resolves passes it.
  const visibleCauses = causes.filter((c) => !filtering || c.findings.some((i) => passing.has(i)));
  const groups = new Map<string, Shown[]>();
  for (const s of [...filtered].filter((x) => !claimed.has(x.index)).sort((a, b) => GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade))) {
    const k = s.f.table ?? '';
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const phaseText = validation.phase === 'read' ? t.phaseRead : validation.phase === 'check' ? t.phaseCheck : t.phaseMark;
  const item = (s: Shown) => (
    <FindingItem key={`${s.key}|${s.f.cells.join(',')}`} shown={s} controller={controller} t={t}
      explanation={pane.explanations.get(s.key)} stale={controller.isStale(s.raw, validation.changes)} unexplained={noCause.has(s.index)} />
  );
  const resolvedBy = (c: Cause) => c.findings.flatMap((i) => (shown[i] ? [item(shown[i])] : []));

  return (
    <div className={styles.stack}>
      <div className={styles.toolbar} role="toolbar" aria-label={t.tabFindings}>
        {validation.running
          ? <Button icon={<DismissRegular />} onClick={() => controller.cancel()}>{t.cancel}</Button>
          : <Button appearance="primary" icon={<CheckmarkCircleRegular />} onClick={() => void controller.validate()}>{result ? t.revalidate : t.validate}</Button>}
        <Button icon={<EraserRegular />} disabled={validation.running || validation.saved.length === 0} onClick={() => void controller.clearMarks()}>{t.clearMarks}</Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton icon={<ArrowDownloadRegular />} disabled={!result || validation.running}>{t.export}</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void controller.exportSheet()}>{t.exportSheet}</MenuItem>
              <MenuItem onClick={() => controller.exportFile('csv')}>{t.exportCsv}</MenuItem>
              <MenuItem onClick={() => controller.exportFile('html')}>{t.exportHtml}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Switch checked={pane.auto} label={t.auto} onChange={(_, d) => controller.setAuto(d.checked)} />
      </div>

      <div aria-live="polite">
        {validation.running && (
          <Field validationMessage={phaseText} validationState="none">
            <ProgressBar aria-label={phaseText} />
          </Field>
        )}
      </div>

      {controller.host.caps.notes.map((n) => (
        <MessageBar key={n.en} intent="warning"><MessageBarBody>{n[pane.lang]}</MessageBarBody></MessageBar>
      ))}
      {validation.error && <MessageBar intent="error" role="alert"><MessageBarBody>{validation.error[pane.lang]}</MessageBarBody></MessageBar>}
      {pane.catalog.problem && <MessageBar intent="warning"><MessageBarBody>{pane.catalog.problem[pane.lang]}</MessageBarBody></MessageBar>}

      {!result && !validation.running && <Text>{t.notYet}</Text>}

      {result && result.tables.length === 0 && <MessageBar intent="warning"><MessageBarBody>{t.noTables}</MessageBarBody></MessageBar>}
      {result && result.tables.length > 0 && shown.length === 0 && (
        <MessageBar intent="success" data-testid="balanced">
          <MessageBarBody><MessageBarTitle>{t.balanced}</MessageBarTitle>{t.balancedDetail(result.tables.length, result.relations)}</MessageBarBody>
        </MessageBar>
      )}

      {result && shown.length > 0 && (
        <section aria-label={t.summary(result.tables.length, result.relations)} data-testid="summary">
          <Text size={200}>{t.summary(result.tables.length, result.relations)} · {t.edition(result.edition.year, result.edition.exact, result.year !== undefined)}{validation.at ? ` · ${t.checkedAt(validation.at.toLocaleTimeString(pane.lang === 'zh' ? 'zh-CN' : 'en-US'))}` : ''}</Text>
          <div className={styles.counts} role="group" aria-label={t.severityFilter} style={{ marginTop: 6 }}>
            <ToggleButton size="small" checked={severity === 'all'} onClick={() => setSeverity('all')}>{t.all} {shown.length}</ToggleButton>
            {GRADE_ORDER.filter((g) => counts.c[g] > 0).map((g) => (
              <ToggleButton key={g} size="small" checked={severity === g} onClick={() => setSeverity(severity === g ? 'all' : g)} data-testid={`count-${g}`}>
                {gradeWord(t, g)} {counts.c[g]}
              </ToggleButton>
            ))}
          </div>
          <Text as="p" size={200} data-testid="by-table" style={{ marginTop: 6, marginBottom: 0 }}>
            {[...counts.byTable].map(([k, n]) => `${tableName((k || null) as TableKind | null)} ${n}`).join(' · ')}
          </Text>
          <div className={styles.filters} style={{ marginTop: 6 }}>
            <Dropdown
              size="small"
              aria-label={t.tableFilter}
              value={table === '' ? t.allTables : tableName((table || null) as TableKind | null)}
              selectedOptions={[table]}
              onOptionSelect={(_, d) => setTable(d.optionValue ?? '')}
              style={{ minWidth: 0, flexGrow: 1 }}
            >
              <Option value="" text={t.allTables}>{t.allTables}</Option>
              {[...counts.byTable].map(([k, n]) => (
                <Option key={k} value={k} text={tableName((k || null) as TableKind | null)}>{`${tableName((k || null) as TableKind | null)} (${n})`}</Option>
              ))}
            </Dropdown>
            <SearchBox size="small" aria-label={t.search} placeholder={t.search} value={query} onChange={(_, d) => setQuery(d.value)} style={{ flexGrow: 1 }} />
          </div>
        </section>
      )}

      {pane.applied.length > 0 && <AppliedView controller={controller} applied={pane.applied} t={t} lang={pane.lang} busy={validation.running} />}

      {location && location.status !== 'done' && <LocationStatus status={location.status} t={t} />}
      {visibleCauses.length > 0 && (
        <CausesView controller={controller} causes={visibleCauses} t={t} lang={pane.lang} busy={validation.running}
          stale={(c) => controller.isStale({ sheet: c.sheet, cells: [c.cell] }, validation.changes)} findings={resolvedBy} />
      )}
      {/* After the causes ("另有"); the findings concerned are listed below as always. */}
      {unlocated > 0 && <UnlocatedNote count={unlocated} t={t} />}

      {result && shown.length > 0 && filtered.length === 0 && <Text>{t.noMatch}</Text>}

      {[...groups].map(([k, items]) => (
        <section key={k} className={styles.group} aria-label={tableName((k || null) as TableKind | null)}>
          <Text as="h2" size={300} className={styles.groupTitle}>{tableName((k || null) as TableKind | null)} · {items.length}</Text>
          <ul className={styles.list}>
            {items.map(item)}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface ItemProps {
  readonly shown: Shown;
  readonly controller: PaneController;
  readonly t: Strings;
  readonly explanation?: Explanation;
  readonly stale: boolean;
  /** A failure no change of cells explains (after location). */
  readonly unexplained?: boolean;
}

function FindingItem({ shown, controller, t, explanation, stale, unexplained: noCause }: ItemProps) {
  const styles = useStyles();
  const { f, raw, grade } = shown;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(explanation?.note ?? '');
  // Empty for a finding about the whole workbook (a missing table): nothing to go to.
  const where = findingPlace(f);
  return (
    <li className={styles.item} style={{ borderLeftColor: BORDER_COLOR[grade] }} data-testid="finding" data-grade={grade}>
      <button type="button" className={styles.row} onClick={() => void controller.select(raw)} title={where ? t.goTo(where) : undefined}>
        <span className={styles.head}>
          <GradeChip grade={grade} t={t} />
          {where && <span className={styles.cell}>{where}</span>}
          {stale && <span className={`${styles.chip} ${styles.outline}`} title={t.staleTitle}>{t.stale}</span>}
          {explanation && <span className={`${styles.chip} ${styles.outline}`}>{t.explained}</span>}
        </span>
        <span className={styles.message}>{f.message}</span>
        {(f.reported !== null || f.computed !== null) && (
          <span className={styles.numbers}>
            {f.reported !== null && <span>{t.reported} {f.reported}</span>}
            {f.computed !== null && <span>{t.computed} {f.computed}</span>}
            {f.difference !== null && <span>{t.difference} {f.difference}</span>}
          </span>
        )}
        {noCause && <span className={styles.note} data-testid="no-cause">{t.unexplained}</span>}
        {explanation && !editing && <span className={styles.note}>{t.explainTitle}：{explanation.note}</span>}
      </button>
      {editing ? (
        <div className={styles.editor}>
          <Field label={t.explainTitle}>
            <Textarea value={note} placeholder={t.explainPlaceholder} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            {explanation && <Button size="small" appearance="subtle" onClick={() => { setNote(''); setEditing(false); void controller.explain(raw, ''); }}>{t.remove}</Button>}
            <Button size="small" onClick={() => setEditing(false)}>{t.close}</Button>
            <Button size="small" appearance="primary" onClick={() => { setEditing(false); void controller.explain(raw, note); }}>{t.save}</Button>
          </div>
        </div>
      ) : (
        f.severity !== 'error' && (
          <div className={styles.actions}>
            <Button size="small" appearance="subtle" icon={<NoteEditRegular />} onClick={() => setEditing(true)} aria-label={`${t.explain}：${f.message}`}>{t.explain}</Button>
          </div>
        )
      )}
    </li>
  );
}
