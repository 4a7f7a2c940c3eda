import {
  Button, Dropdown, Field, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody,
  MessageBarActions, MessageBarTitle, Option, ProgressBar, SearchBox, Switch, Text, Textarea, ToggleButton, makeStyles, tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowDownRegular, ArrowUpRegular, CheckmarkCircleRegular, DismissRegular, EraserRegular, NoteEditRegular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { findingKey, findingPlace } from '../../src/export';
import { render, type Finding, type Lang, type RawFinding } from '../../src/findings';
import { compareFindings, present, relationsByFinding, type Presented } from '../../src/present';
import type { Cause } from '../../src/locate/locate';
import { TABLE_NAMES_EN, TABLE_NAMES_ZH, type TableKind } from '../../src/table';
import { groupDigits } from '../../src/locate/text';
import { orderCauses } from '../causes';
import type { PaneController } from '../controller';
import type { Explanation } from '../ops/explanations';
import { MARK_COLORS } from '../office/marks';
import { usePane } from './App';
import { AppliedView, CausesView, LocationStatus, UnlocatedNote } from './CausesView';
import { GRADE_ORDER, gradeOf, type Grade } from './grade';
import { STRINGS, type Strings } from './strings';
import { border } from './border';

const useStyles = makeStyles({
  // One row at any pane width: the buttons shrink to their icons before anything wraps.
  toolbar: { display: 'flex', flexWrap: 'nowrap', gap: '4px', alignItems: 'center', marginTop: '6px', marginBottom: '2px', minWidth: 0 },
  tool: { minWidth: 0, flexShrink: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  stack: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  // The level filters on the left, 上一条 / 下一条 and the counter on the right of the same row.
  counts: { display: 'flex', flexWrap: 'wrap', gap: '4px', alignItems: 'center', marginTop: '4px' },
  count: { minWidth: 0, paddingLeft: '6px', paddingRight: '6px' },
  nav: { display: 'flex', alignItems: 'center', gap: '2px', marginLeft: 'auto', flexShrink: 0 },
  filters: { display: 'flex', flexWrap: 'nowrap', gap: '4px', alignItems: 'center', minWidth: 0, marginTop: '4px' },
  verdictText: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  // One line: what was checked, against which catalog, when (all of it in the tooltip when cut).
  meta: { display: 'block', marginTop: '0', marginBottom: '0', color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  group: { marginTop: '2px' },
  groupTitle: { display: 'block', marginTop: '0', marginBottom: '2px', lineHeight: '16px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', paddingLeft: '0', marginTop: '0', marginBottom: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { position: 'relative', ...border('1px', tokens.colorNeutralStroke2, '4px'), borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  current: { ...border('1px', tokens.colorBrandStroke1, '4px') },
  row: {
    display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', backgroundColor: 'transparent', color: 'inherit', fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    borderTopWidth: '0', borderBottomWidth: '0', borderLeftWidth: '0', borderRightWidth: '0', paddingTop: '3px', paddingBottom: '3px', paddingLeft: '6px', paddingRight: '6px',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  head: { display: 'flex', gap: '4px', alignItems: 'center', flexWrap: 'wrap', paddingRight: '52px', lineHeight: '16px' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  // The subject and its relation read as one sentence ("款 20805 行政事业单位养老支出：合计 536.45 ≠ …"), two lines
  // in the list and whole on the finding 上一条 / 下一条 are at (the whole text is the row's tooltip too).
  text: { display: '-webkit-box', WebkitBoxOrient: 'vertical', WebkitLineClamp: '2', overflow: 'hidden', marginTop: '1px', lineHeight: tokens.lineHeightBase200 },
  whole: { display: 'block', marginTop: '1px', lineHeight: tokens.lineHeightBase200 },
  subject: { fontWeight: tokens.fontWeightSemibold },
  message: { fontVariantNumeric: 'tabular-nums' },
  sides: { display: 'flex', flexWrap: 'wrap', gap: '4px', paddingLeft: '6px', paddingBottom: '4px' },
  side: { minWidth: 0, height: 'auto', paddingTop: '0', paddingBottom: '0', fontSize: tokens.fontSizeBase200 },
  explainButton: { position: 'absolute', top: '2px', right: '2px', minWidth: 0 },
  note: { display: 'block', marginTop: '2px', fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
  editor: { display: 'flex', flexDirection: 'column', gap: '6px', paddingLeft: '8px', paddingRight: '8px', paddingBottom: '8px' },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: '4px', flexWrap: 'wrap' },
  chip: { display: 'inline-block', paddingLeft: '4px', paddingRight: '4px', borderRadius: tokens.borderRadiusSmall, fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold, lineHeight: '16px', color: '#1a1a1a', whiteSpace: 'nowrap', ...border('1px', 'rgba(0,0,0,0.25)') },
  outline: { backgroundColor: 'transparent', color: tokens.colorNeutralForeground2, ...border('1px', tokens.colorNeutralStroke1) },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The chip has the colour the cell is marked with in the sheet, so the pane and the sheet read alike. */
const CHIP_COLOR: Record<Grade, string> = { error: MARK_COLORS.error, rounding: MARK_COLORS.rounding, warning: MARK_COLORS.rounding, info: MARK_COLORS.info };
const BORDER_COLOR: Record<Grade, string> = { error: '#D55E00', rounding: '#0072B2', warning: '#0072B2', info: '#B8A800' };

function gradeWord(t: Strings, g: Grade): string {
  return g === 'error' ? t.error : g === 'rounding' ? t.rounding : g === 'warning' ? t.warning : t.info;
}

/** The level as these users know it: 错误（须修改）, 尾差（可说明）, 提示. */
function levelWord(t: Strings, g: Grade): string {
  return g === 'error' ? t.levelError : g === 'rounding' ? t.levelRounding : g === 'warning' ? t.levelWarning : t.levelInfo;
}

export function GradeChip({ grade, t }: { grade: Grade; t: Strings }) {
  const styles = useStyles();
  return <span className={styles.chip} style={{ backgroundColor: CHIP_COLOR[grade] }} title={levelWord(t, grade)}>{gradeWord(t, grade)}</span>;
}

/**
 * The time of day as zh-CN (14:05:09) and en-US (2:05:09 PM) print it, without Intl: its first use on a page loads
 * the locale data, which cost more than the whole re-validation (about 18 ms in Chromium).
 */
export function clockTime(d: Date, lang: Lang): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const h = d.getHours();
  return lang === 'zh' ? `${two(h)}:${two(d.getMinutes())}:${two(d.getSeconds())}` : `${h % 12 === 0 ? 12 : h % 12}:${two(d.getMinutes())}:${two(d.getSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

type SeverityFilter = 'all' | Grade;

interface Shown {
  /** Index in the result's findings (what a located cause refers to). */
  readonly index: number;
  readonly raw: RawFinding;
  readonly f: Finding;
  readonly key: string;
  readonly grade: Grade;
  readonly shape: Presented;
}

export function FindingsView({ controller }: { controller: PaneController }) {
  const styles = useStyles();
  const { pane, validation } = usePane(controller);
  const t = STRINGS[pane.lang];
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [table, setTable] = useState<string>('');
  const [query, setQuery] = useState('');
  // The finding 上一条 / 下一条 and the arrow keys are at (its index in the result), and the notices dismissed.
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const listRef = useRef<HTMLDivElement>(null);
  const result = validation.result;
  const tableName = (k: TableKind | null) => (k ? (pane.lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN)[k] : t.otherTable);

  const shown = useMemo<Shown[]>(() => {
    const by = result ? relationsByFinding(result) : new Map();
    return (result?.findings ?? []).map((raw, index) => ({ index, raw, f: render(raw, pane.lang), key: findingKey(raw), grade: gradeOf(raw), shape: present(raw, by.get(index)) }));
  }, [result, pane.lang]);
  useEffect(() => setCurrent(undefined), [result]);
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
  const explainedCount = shown.filter((s) => s.grade !== 'error' && s.grade !== 'info' && pane.explanations.has(s.key)).length;

  const q = query.trim().toLowerCase();
  const filtered = shown.filter((s) => (severity === 'all' || s.grade === severity)
    && (table === '' || (s.f.table ?? '') === table)
    && (q === '' || `${s.f.message} ${s.shape.subject?.[pane.lang] ?? ''} ${s.shape.equation?.[pane.lang] ?? ''} ${s.f.sheet} ${s.f.cells.join(' ')}`.toLowerCase().includes(q)));
  const filtering = severity !== 'all' || table !== '' || q !== '';
  const passing = new Set(filtered.map((s) => s.index));
  // With a filter on, a cause shows when one of the findings it resolves passes it.
  const visibleCauses = causes.filter((c) => !filtering || c.findings.some((i) => passing.has(i)));
  // By level, then table, then cell: the 校验报告 sheet's order, under one heading per level (each finding names its
  // table's sheet and cell; the table filter narrows to one table).
  const ordered = [...filtered].filter((x) => !claimed.has(x.index)).sort((a, b) => compareFindings(a.raw, b.raw));
  const groups = new Map<Grade, Shown[]>();
  for (const s of ordered) groups.set(s.grade, [...(groups.get(s.grade) ?? []), s]);
  // 上一条 / 下一条 walk the findings in the order shown: those under a cause first (their cause unfolds), then the list.
  const walk = [...visibleCauses.flatMap((c) => c.findings.filter((i) => passing.has(i) || !filtering)), ...ordered.map((s) => s.index)];
  const at = current === undefined ? -1 : walk.indexOf(current);
  const go = (to: number): void => {
    if (walk.length === 0) return;
    const index = walk[Math.max(0, Math.min(walk.length - 1, to))];
    setCurrent(index);
    const target = shown[index];
    if (target) void controller.select(target.raw);
    // Focus follows, so the arrow keys and Enter go on from there: once rendered (a folded cause opens first).
    const focus = (tries: number): void => {
      const row = listRef.current?.querySelector<HTMLButtonElement>(`[data-finding="${index}"] button[data-row]`);
      if (row) {
        row.focus();
        row.scrollIntoView?.({ block: 'nearest' });
      } else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(3));
  };
  const onKey = (index: number, e: KeyboardEvent<HTMLElement>): void => {
    const pos = walk.indexOf(index);
    if (e.key === 'ArrowDown') { e.preventDefault(); go(pos + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); go(pos - 1); }
    else if (e.key === 'Home') { e.preventDefault(); go(0); }
    else if (e.key === 'End') { e.preventDefault(); go(walk.length - 1); }
  };
  // The items get handlers that never change (they call this render's through a ref), so a finding whose own
  // props are unchanged is not rendered again when the pane's state moves on (a run starting, its marks done).
  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  const stableKey = useCallback((index: number, e: KeyboardEvent<HTMLElement>) => keyRef.current(index, e), []);
  const meta = result ? `${t.summary(result.tables.length, result.relations)} · ${t.edition(result.edition.year, result.edition.exact, result.year !== undefined, pane.catalog.catalog.sameAs(result.edition.year))}${validation.at ? ` · ${t.checkedAt(clockTime(validation.at, pane.lang))}` : ''}` : '';
  const phaseText = validation.phase === 'read' ? t.phaseRead : validation.phase === 'check' ? t.phaseCheck : t.phaseMark;
  const item = (s: Shown) => (
    <FindingItem key={`${s.key}|${s.f.cells.join(',')}`} shown={s} controller={controller} t={t} lang={pane.lang} current={s.index === current}
      onKey={stableKey} onOpen={setCurrent}
      explanation={pane.explanations.get(s.key)} stale={controller.isStale(s.raw, validation.changes)} unexplained={noCause.has(s.index)} />
  );
  const resolvedBy = (c: Cause) => c.findings.flatMap((i) => (shown[i] ? [item(shown[i])] : []));
  const notices = controller.host.caps.notes.filter((n) => !dismissed.has(n.en));

  return (
    <div className={styles.stack}>
      <div className={styles.toolbar} role="toolbar" aria-label={t.tabFindings}>
        {validation.running
          ? <Button className={styles.tool} icon={<DismissRegular />} onClick={() => controller.cancel()}>{t.cancel}</Button>
          : <Button className={styles.tool} appearance="primary" icon={<CheckmarkCircleRegular />} onClick={() => void controller.validate()}>{result ? t.revalidate : t.validate}</Button>}
        <Button className={styles.tool} icon={<EraserRegular />} disabled={validation.running || validation.saved.length === 0} onClick={() => void controller.clearMarks()} title={t.clearMarks}>{t.clearMarks}</Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton className={styles.tool} icon={<ArrowDownloadRegular />} disabled={!result || validation.running} title={t.export}>{t.export}</MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void controller.exportSheet()}>{t.exportSheet}</MenuItem>
              <MenuItem onClick={() => controller.exportFile('csv')}>{t.exportCsv}</MenuItem>
              <MenuItem onClick={() => controller.exportFile('html')}>{t.exportHtml}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <div aria-live="polite" style={{ display: validation.running ? undefined : 'contents' }}>
        {validation.running && (
          <Field validationMessage={phaseText} validationState="none">
            <ProgressBar aria-label={phaseText} />
          </Field>
        )}
      </div>

      {notices.map((n) => (
        <MessageBar key={n.en} intent="warning">
          <MessageBarBody>{n[pane.lang]}</MessageBarBody>
          <MessageBarActions containerAction={<Button size="small" appearance="transparent" aria-label={t.dismissNote} icon={<DismissRegular />} onClick={() => setDismissed(new Set([...dismissed, n.en]))} />} />
        </MessageBar>
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
        <section aria-label={t.summary(result.tables.length, result.relations)} data-testid="summary" data-checked={validation.at?.getTime()}>
          <Text size={300} className={styles.verdictText} data-testid="verdict">
            {t.verdict(counts.c.error, counts.c.rounding + counts.c.warning, explainedCount, counts.c.info)}
          </Text>
          <div className={styles.counts}>
            <div role="group" aria-label={t.severityFilter} style={{ display: 'flex', gap: 4 }}>
              {GRADE_ORDER.filter((g) => counts.c[g] > 0).map((g) => (
                <ToggleButton key={g} size="small" className={styles.count} checked={severity === g} onClick={() => setSeverity(severity === g ? 'all' : g)} data-testid={`count-${g}`} title={levelWord(t, g)}>
                  {gradeWord(t, g)} {counts.c[g]}
                </ToggleButton>
              ))}
            </div>
            <div className={styles.nav}>
              <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-label={t.prev} title={t.prev} disabled={walk.length === 0 || at === 0} onClick={() => go(at < 0 ? walk.length - 1 : at - 1)} />
              <Text size={200} aria-hidden="true" data-testid="position" style={{ whiteSpace: 'nowrap' }}>{t.position(at + 1, walk.length)}</Text>
              <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} aria-label={t.next} title={t.next} disabled={walk.length === 0 || at === walk.length - 1} onClick={() => go(at + 1)} />
            </div>
          </div>
          <div className={styles.filters}>
            <Dropdown
              size="small"
              aria-label={t.tableFilter}
              value={table === '' ? t.allTables : tableName((table || null) as TableKind | null)}
              selectedOptions={[table]}
              onOptionSelect={(_, d) => setTable(d.optionValue ?? '')}
              style={{ minWidth: 0, flex: '1 1 0' }}
              data-testid="table-filter"
            >
              <Option value="" text={t.allTables}>{t.allTables}</Option>
              {[...counts.byTable].map(([k, n]) => (
                <Option key={k} value={k} text={tableName((k || null) as TableKind | null)}>{`${tableName((k || null) as TableKind | null)} (${n})`}</Option>
              ))}
            </Dropdown>
            <SearchBox size="small" aria-label={t.search} placeholder={t.search} value={query} onChange={(_, d) => setQuery(d.value)} style={{ minWidth: 0, maxWidth: 'none', flex: '1 1 0' }} input={{ style: { minWidth: 0 } }} dismiss={query === '' ? null : undefined} />
          </div>
        </section>
      )}

      {pane.applied.length > 0 && <AppliedView controller={controller} applied={pane.applied} t={t} lang={pane.lang} busy={validation.running} />}

      <div ref={listRef} className={styles.stack}>
        {location && location.status !== 'done' && <LocationStatus status={location.status} t={t} />}
        {visibleCauses.length > 0 && (
          <CausesView controller={controller} causes={visibleCauses} t={t} lang={pane.lang} busy={validation.running} current={current}
            stale={(c) => controller.isStale({ sheet: c.sheet, cells: [c.cell] }, validation.changes)} findings={resolvedBy} />
        )}
        {/* After the causes ("另有"); the findings concerned are listed below as always. */}
        {unlocated > 0 && <UnlocatedNote count={unlocated} t={t} />}

        {result && shown.length > 0 && filtered.length === 0 && <Text>{t.noMatch}</Text>}

        {GRADE_ORDER.filter((g) => groups.has(g)).map((grade) => (
          <section key={grade} className={styles.group} aria-label={levelWord(t, grade)}>
            <Text as="h2" className={styles.groupTitle}>{levelWord(t, grade)} · {groups.get(grade)?.length}</Text>
            <ul className={styles.list}>
              {groups.get(grade)?.map(item)}
            </ul>
          </section>
        ))}
        {ordered.length > 0 && <Text size={100} className={styles.hint}>{t.keyHint}</Text>}
      </div>
      {/* What was checked and when, and a setting chosen once: below the list, so the findings come first in a narrow pane. */}
      {result && shown.length > 0 && <Text size={200} as="p" className={styles.meta} title={meta} data-testid="meta">{meta}</Text>}
      <Switch checked={pane.auto} label={t.auto} onChange={(_, d) => controller.setAuto(d.checked)} style={{ marginLeft: -8 }} />
    </div>
  );
}

interface ItemProps {
  readonly shown: Shown;
  readonly controller: PaneController;
  readonly t: Strings;
  readonly lang: Lang;
  readonly explanation?: Explanation;
  readonly stale: boolean;
  /** A failure no change of cells explains (after location). */
  readonly unexplained?: boolean;
  /** The finding 上一条 / 下一条 are at. */
  readonly current?: boolean;
  readonly onKey?: (index: number, e: KeyboardEvent<HTMLElement>) => void;
  readonly onOpen?: (index: number) => void;
}

/** One finding: one Tab stop (its row); → reaches 说明, whose editor takes the focus and closes on Esc. */
const FindingItem = memo(function FindingItem({ shown, controller, t, lang, explanation, stale, unexplained: noCause, current, onKey, onOpen }: ItemProps) {
  const styles = useStyles();
  const { f, raw, grade, shape } = shown;
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(explanation?.note ?? '');
  const rowRef = useRef<HTMLButtonElement>(null);
  const explainRef = useRef<HTMLButtonElement>(null);
  // Empty for a finding about the whole workbook (a missing table): nothing to go to.
  const where = findingPlace(f);
  const close = (): void => { setEditing(false); requestAnimationFrame(() => rowRef.current?.focus()); };
  const tableOf = (k: TableKind) => (lang === 'zh' ? TABLE_NAMES_ZH : TABLE_NAMES_EN)[k];
  const canExplain = f.severity !== 'error';
  return (
    <li className={`${styles.item}${current ? ` ${styles.current}` : ''}`} style={{ borderLeftColor: BORDER_COLOR[grade] }} data-testid="finding" data-grade={grade} data-finding={shown.index} aria-current={current ? 'true' : undefined}>
      <button
        type="button" ref={rowRef} data-row className={styles.row} title={where ? t.goTo(where) : undefined}
        onClick={() => { onOpen?.(shown.index); void controller.select(raw); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight' && canExplain) { e.preventDefault(); explainRef.current?.focus(); return; }
          onKey?.(shown.index, e);
        }}
      >
        <span className={styles.head}>
          <GradeChip grade={grade} t={t} />
          {shape.scope && <span className={`${styles.chip} ${styles.outline}`}>{shape.scope === 'between' ? t.scopeBetween : t.scopeWithin}</span>}
          {where && <span className={styles.cell}>{where}</span>}
          {stale && <span className={`${styles.chip} ${styles.outline}`} title={t.staleTitle}>{t.stale}</span>}
          {explanation && <span className={`${styles.chip} ${styles.outline}`}>{t.explained}</span>}
        </span>
        <span className={current ? styles.whole : styles.text}>
          {shape.equation ? (
            <>
              {shape.subject && <span className={styles.subject}>{shape.subject[lang]}{lang === 'zh' ? '：' : ': '}</span>}
              <span className={styles.message} data-testid="equation">
                {shape.equation[lang]}{lang === 'zh' ? `（${t.difference} ${groupDigits(f.difference ?? '')}${shape.unit ? ` ${shape.unit.zh}` : ''}）` : ` (${t.difference.toLowerCase()} ${groupDigits(f.difference ?? '')}${shape.unit ? ` ${shape.unit.en}` : ''})`}
              </span>
            </>
          ) : (
            <span className={styles.message}>{f.message}</span>
          )}
        </span>
        {noCause && <span className={styles.note} data-testid="no-cause">{t.unexplained}</span>}
        {explanation && !editing && <span className={styles.note}>{t.explainTitle}：{explanation.note}</span>}
      </button>
      {shape.scope === 'between' && shape.sides.length > 1 && (
        <div className={styles.sides}>
          {shape.sides.map((side) => (
            <Button key={`${side.sheet}!${side.cell}`} size="small" appearance="transparent" tabIndex={-1} className={styles.side}
              title={t.goToSide(`${side.sheet}!${side.cell}`)} onClick={() => void controller.selectCause(side)}>
              {`${tableOf(side.table)} ${side.cell}`}
            </Button>
          ))}
        </div>
      )}
      {canExplain && !editing && (
        <Button ref={explainRef} size="small" appearance="subtle" tabIndex={-1} className={styles.explainButton} icon={<NoteEditRegular />}
          onClick={() => setEditing(true)} onKeyDown={(e) => { if (e.key === 'ArrowLeft' || e.key === 'Escape') { e.preventDefault(); rowRef.current?.focus(); } }}
          aria-label={`${t.explain}：${f.message}`}>{t.explain}</Button>
      )}
      {editing && (
        <div className={styles.editor} onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); } }}>
          <Field label={t.explainTitle}>
            <Textarea autoFocus value={note} placeholder={t.explainPlaceholder} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <div className={styles.actions}>
            {explanation && <Button size="small" appearance="subtle" onClick={() => { setNote(''); close(); void controller.explain(raw, ''); }}>{t.remove}</Button>}
            <Button size="small" onClick={close}>{t.close}</Button>
            <Button size="small" appearance="primary" onClick={() => { close(); void controller.explain(raw, note); }}>{t.save}</Button>
          </div>
        </div>
      )}
    </li>
  );
});
