/** @jsxRuntime classic */
/** @jsx React.createElement */
/** @jsxFrag React.Fragment */
// React comes with the kit the pane hands this view (kit.ts), not from an import: hence the classic JSX factory.
import type { ReactElement, ReactNode } from 'react';
import type { tokens } from '@fluentui/react-components';
import type { Lang } from '../../src/findings';
import type { RelationGap, RoundOutcome } from '../../src/round/round';
import type { Unit } from '../../src/table';
import type { PaneController, RoundState } from '../controller';
import type { RoundBatch } from '../ops/round-store';
import type { Kit } from './kit';
import { ROUND_STRINGS, type RoundStrings } from './round-strings';
import { STRINGS, type Strings } from './strings';

type Done = Extract<RoundOutcome, { kind: 'done' }>;

/** A Fluent UI design token as `tokens.x` gives it: a CSS variable of the theme (see kit.ts for why not `tokens`). */
function token(name: keyof typeof tokens): string {
  return `var(--${name})`;
}

interface Words {
  /** The view's own words (round-strings.ts) and the pane's shared ones (strings.ts). */
  readonly r: RoundStrings;
  readonly t: Strings;
  readonly lang: Lang;
}

interface GapsProps {
  readonly gaps: readonly RelationGap[];
  readonly title: string;
  /** The sheet a gap's cell is shown on (a new sheet, or the user's own). */
  readonly sheet: (s: string) => string;
  readonly words: Words;
  readonly controller: PaneController;
  readonly testId: string;
}

/** 尾差 counted as the findings list counts them: one per total and relation, whatever its columns. */
function places(gaps: readonly RelationGap[]): number {
  return new Set(gaps.map((g) => `${g.sheet}|${g.relation}|${g.subject}`)).size;
}

/**
 * 舍位平衡's view, made with the Fluent UI parts the pane hands it (kit.ts): the target, the run, and what it did
 * or offers; the new sheets of earlier runs with 撤销.
 */
export function roundView(kit: Kit): (props: { controller: PaneController }) => ReactElement {
  const { Button, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, ProgressBar, Text, makeStyles, ArrowUndoRegular, CheckmarkRegular, ChevronDownRegular, ChevronRightRegular, groupDigits, React } = kit;
  const { useEffect, useId, useState, useSyncExternalStore } = React;

  /** The controller's two stores, as App's usePane reads them (not imported from App.tsx: see kit.ts). */
  function usePane(controller: PaneController) {
    const pane = useSyncExternalStore((l) => controller.subscribe(l), () => controller.state);
    const validation = useSyncExternalStore((l) => controller.subscribe(l), () => controller.validation);
    return { pane, validation };
  }

  const useStyles = makeStyles({
    stack: { display: 'flex', flexDirection: 'column', gap: '8px', marginTop: '10px' },
    row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
    list: { listStyleType: 'none', paddingLeft: '0', marginTop: '4px', marginBottom: '0', display: 'flex', flexDirection: 'column', gap: '4px' },
    item: { display: 'flex', alignItems: 'center', columnGap: '4px', flexWrap: 'wrap', fontSize: token('fontSizeBase200'), fontVariantNumeric: 'tabular-nums' },
    grow: { flexGrow: 1, flexBasis: '160px', minWidth: '0', overflowWrap: 'anywhere' },
    link: {
      flexGrow: 1, flexBasis: '160px', minWidth: '0', overflowWrap: 'anywhere', textAlign: 'left', cursor: 'pointer', backgroundColor: 'transparent', color: 'inherit', fontFamily: 'inherit', fontSize: token('fontSizeBase200'),
      borderTopWidth: '0', borderBottomWidth: '0', borderLeftWidth: '0', borderRightWidth: '0', paddingTop: '2px', paddingBottom: '2px', paddingLeft: '0', paddingRight: '0',
      ':hover': { textDecorationLine: 'underline' },
      ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: token('colorStrokeFocus2') },
    },
    actions: { display: 'flex', alignItems: 'center', gap: '4px', marginLeft: 'auto' },
    title: { display: 'block', marginTop: '6px', fontWeight: token('fontWeightSemibold') },
    folded: { paddingLeft: '12px' },
    fold: { paddingLeft: '0', minWidth: '0', justifyContent: 'flex-start', textAlign: 'left', fontWeight: token('fontWeightRegular') },
    applied: { color: token('colorPaletteGreenForeground1'), fontWeight: token('fontWeightSemibold') },
  });

  /** 舍位平衡: the target, the run, and what it did or offers; the new sheets of earlier runs with 撤销. */
  function RoundView({ controller }: { controller: PaneController }) {
    const styles = useStyles();
    const { pane, validation } = usePane(controller);
    const words: Words = { r: ROUND_STRINGS[pane.lang], t: STRINGS[pane.lang], lang: pane.lang };
    const { r, t } = words;
    // 万元 with two decimals, as budgets are published: a 元 workbook is converted, a 万元 one has its 尾差 removed.
    const [unit, setUnit] = useState<Unit>(pane.round?.target.unit ?? 'wan');
    const [decimals, setDecimals] = useState(pane.round?.target.decimals ?? 2);
    const round = pane.round;
    const busy = round?.status === 'working' || validation.running;
    const conflict = pane.roundConflict;
    const batches = pane.roundBatches ?? [];
    // The sheets earlier runs added, as the document keeps them: read when the tab opens.
    useEffect(() => { void controller.refreshRoundBatches(); }, [controller]);
    return (
      <div className={styles.stack} data-testid="round-view">
        <Text size={200}>{r.roundIntro}</Text>
        <div className={styles.row}>
          <Field label={r.roundUnit}>
            <Dropdown value={r.unitWord[unit]} selectedOptions={[unit]} onOptionSelect={(_, d) => setUnit(d.optionValue === 'yuan' ? 'yuan' : 'wan')} style={{ minWidth: 96 }}>
              {(['wan', 'yuan'] as const).map((u) => <Option key={u} value={u} text={r.unitWord[u]}>{r.unitWord[u]}</Option>)}
            </Dropdown>
          </Field>
          <Field label={r.roundDecimals}>
            <Dropdown value={String(decimals)} selectedOptions={[String(decimals)]} onOptionSelect={(_, d) => setDecimals(Number(d.optionValue ?? 2))} style={{ minWidth: 72 }}>
              {[0, 1, 2, 3, 4, 5, 6].map((n) => <Option key={n} value={String(n)}>{String(n)}</Option>)}
            </Dropdown>
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => void controller.round({ unit, decimals })}>{r.roundRun}</Button>
        </div>
        <div aria-live="polite">
          {round?.status === 'working' && (
            <Field validationMessage={r.roundPhase[round.phase ?? 'read']} validationState="none">
              <ProgressBar aria-label={r.roundPhase[round.phase ?? 'read']} />
            </Field>
          )}
        </div>
        {round && (round.status === 'refused' || round.status === 'failed') && round.reason && (
          <MessageBar intent={round.status === 'refused' ? 'warning' : 'error'} role="alert" data-testid="round-refused"><MessageBarBody>{round.reason[pane.lang]}</MessageBarBody></MessageBar>
        )}
        {conflict && (
          <MessageBar intent="warning" role="alert" data-testid="round-conflict" layout="multiline">
            <MessageBarBody>{r.roundEdited(conflict.edited.join('、'))}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void controller.undoRoundSheets(conflict.batch, true)}>{r.roundForce}</Button>
              <Button size="small" appearance="subtle" onClick={() => controller.dismissRoundConflict()}>{t.cancel}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {round?.status === 'done' && round.outcome && (round.outcome.mode === 'convert'
          ? <Converted controller={controller} round={round} outcome={round.outcome} words={words} />
          : <Tails controller={controller} outcome={round.outcome} words={words} busy={busy} />)}
        {batches.length > 0 && (
          <section aria-label={r.roundSheetsTitle} data-testid="round-batches">
            <Text as="h2" size={300} className={styles.title}>{r.roundSheetsTitle}</Text>
            <ul className={styles.list}>
              {batches.map((b) => <BatchItem key={b.at} batch={b} controller={controller} words={words} busy={busy} />)}
            </ul>
          </section>
        )}
      </div>
    );
  }

  /** A list under its title, folded until asked for (as a cause's findings). */
  function Fold({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
    const styles = useStyles();
    const [open, setOpen] = useState(false);
    const id = useId();
    return (
      <section data-testid={testId}>
        <Button size="small" appearance="transparent" className={styles.fold} icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {title}
        </Button>
        {open && <div id={id} className={styles.folded}>{children}</div>}
      </section>
    );
  }

  function BatchItem({ batch, controller, words, busy }: { batch: RoundBatch; controller: PaneController; words: Words; busy: boolean }) {
    const styles = useStyles();
    const { r, t } = words;
    const names = batch.sheets.map((s) => s.name).join('、');
    return (
      <li className={styles.item} data-testid="round-batch">
        <span className={styles.grow}>{r.roundBatch(r.unitWord[batch.unit], batch.decimals, names)}</span>
        <span className={styles.actions}>
          <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void controller.undoRoundSheets(batch)} aria-label={r.roundUndoLabel(names)}>{t.undo}</Button>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => void controller.keepRoundSheets(batch)} aria-label={r.roundKeepLabel(names)}>{r.roundKeep}</Button>
        </span>
      </li>
    );
  }

  /** Relations left off (or broken in the input), each with its cell and difference; a click selects the cell. */
  function Gaps({ gaps, title, sheet, words, controller, testId }: GapsProps) {
    const styles = useStyles();
    const { r, t, lang } = words;
    return (
      <section data-testid={testId}>
        <Text size={200}>{title}</Text>
        <ul className={styles.list}>
          {gaps.map((g) => {
            const where = `${sheet(g.sheet)}!${g.cell}`;
            return (
              <li key={`${where}|${g.relation}|${g.column}`} className={styles.item}>
                <button type="button" className={styles.link} title={t.goTo(where)} onClick={() => void controller.selectCause({ sheet: sheet(g.sheet), cell: g.cell })}>
                  {r.roundGapLine(where, g.what[lang], groupDigits(g.difference), r.unitWord[g.unit])}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    );
  }

  function Converted({ controller, round, outcome, words }: { controller: PaneController; round: RoundState; outcome: Done; words: Words }) {
    const styles = useStyles();
    const { r, t } = words;
    // A cell is shown on the new sheet that holds it.
    const copy = (sheet: string) => round.batch?.sheets.find((s) => s.source === sheet)?.name ?? sheet;
    const moved = outcome.cells.filter((c) => c.value !== c.plain);
    const unit = r.unitWord[outcome.target.unit];
    const text = [
      r.roundConverted(unit, outcome.target.decimals, round.batch?.sheets.length ?? 0, outcome.cells.length),
      r.roundPlain(places(outcome.plainGaps), outcome.moved),
      outcome.gaps.length === 0 ? r.roundHolds : '',
      outcome.unsolved > 0 ? r.roundUnsolved(outcome.unsolved) : '',
    ].filter((x) => x !== '').join(words.lang === 'zh' ? '' : ' ');
    return (
      <div className={styles.stack} data-testid="round-result" data-mode="convert">
        <MessageBar intent={outcome.gaps.length === 0 ? 'success' : 'warning'} layout="multiline">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
        {outcome.gaps.length > 0 && <Gaps gaps={outcome.gaps} title={r.roundGaps(outcome.gaps.length)} sheet={copy} words={words} controller={controller} testId="round-gaps" />}
        {moved.length > 0 && (
          <Fold title={r.roundMoved(moved.length)} testId="round-moved">
            <ul className={styles.list}>
              {moved.map((c) => {
                const where = `${copy(c.sheet)}!${c.cell}`;
                return (
                  <li key={where} className={styles.item} data-testid="round-moved-cell" data-cell={where}>
                    <button type="button" className={styles.link} title={t.goTo(where)} onClick={() => void controller.selectCause({ sheet: copy(c.sheet), cell: c.cell })}>
                      {r.roundMovedLine(where, groupDigits(c.value), groupDigits(c.plain), `${groupDigits(c.exact)} ${r.unitWord[c.from]}`)}
                    </button>
                  </li>
                );
              })}
            </ul>
          </Fold>
        )}
        {outcome.inputGaps.length > 0 && (
          <Fold title={r.roundInputGapsTitle(outcome.inputGaps.length)} testId="round-input-gaps">
            <Gaps gaps={outcome.inputGaps} title={r.roundInputGaps} sheet={(s) => s} words={words} controller={controller} testId="round-input-gap-list" />
          </Fold>
        )}
      </div>
    );
  }

  function Tails({ controller, outcome, words, busy }: { controller: PaneController; outcome: Done; words: Words; busy: boolean }) {
    const styles = useStyles();
    const { r, t } = words;
    const { pane } = usePane(controller);
    const unit = r.unitWord[outcome.target.unit];
    // A change is applied when 采用建议值's record for its cell holds what it wrote: 撤销 is that record's.
    const appliedOf = (sheet: string, cell: string, value: string) => pane.applied.find((e) => e.sheet === sheet && e.address === cell && e.written === Number(value));
    const open = outcome.cells.filter((c) => !appliedOf(c.sheet, c.cell, c.value));
    const none = outcome.cells.length === 0 && outcome.gaps.length === 0;
    return (
      <div className={styles.stack} data-testid="round-result" data-mode="tails">
        <MessageBar intent={none ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>{none ? r.roundTailsNone(unit, outcome.target.decimals) : r.roundTails(unit, outcome.target.decimals, places(outcome.plainGaps), outcome.cells.length)}</MessageBarBody>
        </MessageBar>
        {outcome.gaps.length > 0 && <Gaps gaps={outcome.gaps} title={r.roundGaps(outcome.gaps.length)} sheet={(s) => s} words={words} controller={controller} testId="round-gaps" />}
        {outcome.cells.length > 0 && (
          <ul className={styles.list} aria-label={r.roundChanges}>
            {outcome.cells.map((c) => {
              const where = `${c.sheet}!${c.cell}`;
              const from = groupDigits(c.plain);
              const to = groupDigits(c.value);
              const entry = appliedOf(c.sheet, c.cell, c.value);
              return (
                <li key={where} className={styles.item} data-testid="round-change" data-cell={where} data-applied={String(entry !== undefined)}>
                  <button type="button" className={styles.link} title={t.goTo(where)} onClick={() => void controller.selectCause({ sheet: c.sheet, cell: c.cell })}>{t.appliedLine(where, from, to)}</button>
                  <span className={styles.actions}>
                    {entry
                      ? <>
                        <span className={styles.applied}>{r.roundApplied}</span>
                        <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void controller.undoApplied(entry)} aria-label={t.undoLabel(where)}>{t.undo}</Button>
                      </>
                      : <Button size="small" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void controller.applyRoundChanges([c])} aria-label={r.roundApplyLabel(where, from, to)}>{r.roundApply}</Button>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {open.length > 1 && (
          <div><Button disabled={busy} icon={<CheckmarkRegular />} onClick={() => void controller.applyRoundChanges(open)}>{r.roundApplyAll(open.length)}</Button></div>
        )}
      </div>
    );
  }

  return RoundView;
}
