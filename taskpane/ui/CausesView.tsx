import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Lang } from '../../src/findings';
import type { Cause } from '../../src/locate/locate';
import { causeText, groupDigits } from '../../src/locate/text';
import type { PaneController } from '../controller';
import { MARK_COLORS } from '../office/marks';
import { heldText, type AppliedValue } from '../ops/apply';
import type { Strings } from './strings';
import { border } from './border';

const useStyles = makeStyles({
  group: { marginTop: '2px' },
  groupTitle: { display: 'block', marginTop: '0', marginBottom: '2px', lineHeight: '16px', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', paddingLeft: '0', marginTop: '0', marginBottom: '0', display: 'flex', flexDirection: 'column', gap: '6px' },
  nested: { listStyleType: 'none', paddingLeft: '8px', paddingRight: '6px', paddingBottom: '6px', marginTop: '0', marginBottom: '0', display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { ...border('1px', tokens.colorNeutralStroke2, '4px'), borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  row: {
    display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', backgroundColor: 'transparent', color: 'inherit', fontFamily: 'inherit', fontSize: tokens.fontSizeBase200,
    borderTopWidth: '0', borderBottomWidth: '0', borderLeftWidth: '0', borderRightWidth: '0', paddingTop: '3px', paddingBottom: '2px', paddingLeft: '6px', paddingRight: '6px',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineWidth: '2px', outlineStyle: 'solid', outlineColor: tokens.colorStrokeFocus2 },
  },
  head: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  message: { display: 'block', marginTop: '1px', lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: '4px', paddingLeft: '2px', paddingRight: '4px', paddingBottom: '3px' },
  chip: { display: 'inline-block', paddingLeft: '6px', paddingRight: '6px', borderRadius: tokens.borderRadiusSmall, fontSize: tokens.fontSizeBase100, fontWeight: tokens.fontWeightSemibold, lineHeight: '18px', color: '#1a1a1a', ...border('1px', 'rgba(0,0,0,0.25)') },
  outline: { backgroundColor: 'transparent', color: tokens.colorNeutralForeground2, ...border('1px', tokens.colorNeutralStroke1) },
  status: { display: 'block', color: tokens.colorNeutralForeground2 },
  unlocated: { display: 'block', marginTop: '8px', color: tokens.colorNeutralForeground2 },
  applied: { display: 'flex', alignItems: 'center', gap: '4px', flexWrap: 'wrap', fontSize: tokens.fontSizeBase200 },
  appliedText: { flexGrow: 1, fontVariantNumeric: 'tabular-nums' },
});

interface CausesProps {
  readonly controller: PaneController;
  readonly causes: readonly Cause[];
  readonly t: Strings;
  readonly lang: Lang;
  /** A validation or another write is under way: nothing else may be written now. */
  readonly busy: boolean;
  readonly stale: (c: Cause) => boolean;
  /** The findings a cause resolves, as the pane lists findings (clickable, explainable). */
  readonly findings: (c: Cause) => ReactNode;
  /** The finding 上一条 / 下一条 are at: the cause that resolves it unfolds. */
  readonly current?: number;
}

/** The located causes, first in the pane: each with its sentence, 采用建议值, and the findings it resolves folded under it. */
export function CausesView({ controller, causes, t, lang, busy, stale, findings, current }: CausesProps) {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={t.causesTitle} data-testid="causes">
      <Text as="h2" className={styles.groupTitle}>{t.causesTitle} · {causes.length}</Text>
      <ul className={styles.list}>
        {causes.map((c) => <CauseItem key={c.id} cause={c} controller={controller} t={t} lang={lang} busy={busy} stale={stale(c)} findings={findings} current={current} />)}
      </ul>
    </section>
  );
}

interface ItemProps {
  readonly cause: Cause;
  readonly controller: PaneController;
  readonly t: Strings;
  readonly lang: Lang;
  readonly busy: boolean;
  readonly stale: boolean;
  readonly findings: (c: Cause) => ReactNode;
  readonly current?: number;
}

function CauseItem({ cause: c, controller, t, lang, busy, stale, findings, current }: ItemProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const holdsCurrent = current !== undefined && c.findings.includes(current);
  useEffect(() => { if (holdsCurrent) setOpen(true); }, [holdsCurrent]);
  const id = useId();
  const where = `${c.sheet}!${c.cell}`;
  const text = causeText(c)[lang];
  return (
    <li className={styles.item} style={{ borderLeftColor: c.certain ? '#D55E00' : '#8a8886' }} data-testid="cause" data-cell={where} data-certain={String(c.certain)}>
      <button type="button" className={styles.row} onClick={() => void controller.selectCause(c)} title={t.goTo(where)}>
        <span className={styles.head}>
          {c.certain
            ? <span className={styles.chip} style={{ backgroundColor: MARK_COLORS.error }}>{t.likely}</span>
            : <span className={`${styles.chip} ${styles.outline}`}>{t.possibly}</span>}
          <span className={styles.cell}>{where}</span>
          {stale && <span className={`${styles.chip} ${styles.outline}`} title={t.staleTitle}>{t.stale}</span>}
        </span>
        <span className={styles.message}>{text}</span>
      </button>
      <div className={styles.actions}>
        <Button size="small" appearance="transparent" icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t.resolves(c.findings.length)}
        </Button>
        <Button size="small" icon={<CheckmarkRegular />} disabled={busy || stale} onClick={() => void controller.applySuggestion(c)} aria-label={t.applyLabel(where, groupDigits(c.suggested))}>
          {t.applySuggestion}
        </Button>
      </div>
      {open && <ul id={id} className={styles.nested} aria-label={t.resolves(c.findings.length)}>{findings(c)}</ul>}
    </li>
  );
}

/** Notes under the causes' heading: the solver loading or working, or not available here. */
export function LocationStatus({ status, t }: { status: 'locating' | 'failed'; t: Strings }) {
  const styles = useStyles();
  return <Text size={200} className={styles.status} aria-live="polite" data-testid={`location-${status}`}>{status === 'locating' ? t.locating : t.locateFailed}</Text>;
}

/** Failures whose cause the locator did not work out (its time budget spent, or amounts beyond the solver). */
export function UnlocatedNote({ count, t }: { count: number; t: Strings }) {
  const styles = useStyles();
  return <Text size={200} className={styles.unlocated} data-testid="location-unlocated">{t.unlocated(count)}</Text>;
}

/** What 采用建议值 wrote, each with 撤销 (puts back exactly what the cell held) and 保留修改. */
export function AppliedView({ controller, applied, t, lang, busy }: { controller: PaneController; applied: readonly AppliedValue[]; t: Strings; lang: Lang; busy: boolean }) {
  const styles = useStyles();
  return (
    <section className={styles.group} aria-label={t.appliedTitle} data-testid="applied">
      <Text as="h2" size={300} className={styles.groupTitle}>{t.appliedTitle}</Text>
      <ul className={styles.list}>
        {applied.map((e) => {
          const where = `${e.sheet}!${e.address}`;
          return (
            <li key={where} className={styles.applied}>
              <span className={styles.appliedText}>{t.appliedLine(where, heldText(e)[lang], groupDigits(e.shown))}</span>
              <Button size="small" icon={<ArrowUndoRegular />} disabled={busy} onClick={() => void controller.undoApplied(e)} aria-label={t.undoLabel(where)}>{t.undo}</Button>
              <Button size="small" appearance="subtle" disabled={busy} onClick={() => void controller.keepApplied(e)} aria-label={t.keepLabel(where)}>{t.keep}</Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
