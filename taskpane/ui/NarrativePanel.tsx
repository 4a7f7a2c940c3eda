/**
 * The 情况说明 panel: 生成 (the numeric paragraphs from the open workbook, 复制 to the clipboard), last year's
 * workbook picked as an .xlsx file (read here, in the pane), and 核对 of a pasted text, its mismatches quoting their
 * sentences, each selecting its cell. Nothing here writes to the workbook. It is drawn with the components the pane
 * already carries; its controller and words come with the narrative chunk (see NarrativeView.tsx).
 */
import { Button, Field, MessageBar, MessageBarBody, Text, Textarea, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { render as renderFinding, type Lang, type RawFinding } from '../../src/findings';
import type { NarrativeController, NarrativeState } from '../narrative';
import type { Grade } from './grade';
import type { NarrativeStrings } from './narrative-strings';
import type { Strings } from './strings';

const NOTHING: NarrativeState = {};

export interface NarrativePanelProps {
  readonly nc: NarrativeController;
  readonly lang: Lang;
  /** The pane's own words (grades, 定位到…, 差额). */
  readonly words: Strings;
  /** The panel's own words, from the chunk. */
  readonly own: NarrativeStrings;
}

export function NarrativePanel({ nc, lang, words, own }: NarrativePanelProps) {
  const styles = STYLES;
  const CHIP: Record<Grade, CSSProperties> = {
    error: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1 },
    warning: { color: tokens.colorPaletteDarkOrangeForeground1, backgroundColor: tokens.colorPaletteDarkOrangeBackground1 },
    rounding: { color: tokens.colorPaletteBlueForeground2, backgroundColor: tokens.colorPaletteBlueBackground2 },
    info: { color: tokens.colorNeutralForeground2, backgroundColor: tokens.colorNeutralBackground3 },
  };
  const st = useSyncExternalStore((l) => nc.subscribe(l), () => nc.state ?? NOTHING);
  const t = { ...words, ...own };
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const manual = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    // The clipboard was refused: the draft is shown selected, for Ctrl+C.
    if (st.copied === 'manual') { manual.current?.focus(); manual.current?.select(); }
  }, [st.copied]);

  const prev = st.previous;
  const check = st.check?.result;
  const errors = check ? check.findings.filter((f) => f.severity === 'error').length : 0;
  const grade = (f: RawFinding): Grade => (f.rounding ? 'rounding' : f.severity);
  const gradeWord: Record<Grade, string> = { error: t.error, warning: t.warning, rounding: t.rounding, info: t.info };

  return (
    <div style={styles.stack}>
      <Text size={200}>{t.narrativeIntro}</Text>
      {st.problem && <MessageBar intent="warning"><MessageBarBody>{st.problem[lang]}</MessageBarBody></MessageBar>}

      <section style={styles.section} aria-labelledby="narrative-previous">
        <Text id="narrative-previous" as="h2" weight="semibold">{t.previousTitle}</Text>
        <Text size={200}>{t.previousHelp}</Text>
        <input
          ref={fileInput}
          style={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.previousPick}
          data-testid="previous-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void nc.pickPrevious(file);
          }}
        />
        <div style={styles.row}>
          <Button size="small" onClick={() => fileInput.current?.click()} disabled={prev?.status === 'reading'}>{t.previousPick}</Button>
        </div>
        {prev && (
          <div style={{ ...styles.row, flexWrap: 'nowrap' }} data-testid="previous-status">
            {prev.status === 'reading' && <Text role="status">{t.previousReading(prev.name)}</Text>}
            {prev.status === 'ready' && <Text style={styles.file}>{t.previousReady(prev.name, prev.facts?.year !== undefined ? String(prev.facts.year) : '')}</Text>}
            {prev.status === 'failed' && <MessageBar intent="error" style={{ flexGrow: 1 }}><MessageBarBody>{`${prev.name}${lang === 'zh' ? '：' : ': '}${prev.reason?.[lang] ?? ''}`}</MessageBarBody></MessageBar>}
            {prev.status !== 'reading' && <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={t.previousRemove} title={t.previousRemove} onClick={() => void nc.clearPrevious()} />}
          </div>
        )}
      </section>

      <section style={styles.section} aria-labelledby="narrative-draft">
        <Text id="narrative-draft" as="h2" weight="semibold">{t.narrativeDraftTitle}</Text>
        <div style={styles.row}>
          <Button appearance="primary" onClick={() => void nc.draft()} disabled={st.busy !== undefined}>{t.narrativeDraft}</Button>
          {st.draft && <Button onClick={() => void nc.copy()}>{t.narrativeCopy}</Button>}
          {st.busy === 'draft' && <Text role="status">{t.narrativeReading}</Text>}
        </div>
        {st.copied === 'clipboard' && <MessageBar intent="success" role="status"><MessageBarBody>{t.narrativeCopied}</MessageBarBody></MessageBar>}
        {st.draft && st.copied === 'manual' && (
          <>
            <MessageBar intent="info" role="status"><MessageBarBody>{t.narrativeCopyManual}</MessageBarBody></MessageBar>
            <textarea ref={manual} readOnly aria-label={t.narrativeCopyArea} value={st.draft.text} rows={8} style={{ width: '100%', boxSizing: 'border-box', font: 'inherit' }} />
          </>
        )}
        {st.draft && (
          <div data-testid="narrative-draft" style={{ ...styles.stack, marginTop: 0 }}>
            <Text size={200} style={styles.figures}>{t.narrativeDraftNote(st.draft.withPrevious)}</Text>
            {st.draft.paragraphs.map((p, i) => (
              <div key={p.heading} style={styles.paragraph}>
                <Text weight="semibold">{`${['一', '二', '三', '四', '五', '六', '七', '八'][i] ?? i + 1}、${p.heading}`}</Text>
                <Text style={styles.body}>{p.text}</Text>
              </div>
            ))}
          </div>
        )}
      </section>

      <section style={styles.section} aria-labelledby="narrative-check">
        <Text id="narrative-check" as="h2" weight="semibold">{t.checkTitle}</Text>
        <Text size={200}>{t.checkHelp}</Text>
        <Field label={t.checkLabel}>
          <Textarea value={text} onChange={(_, d) => setText(d.value)} placeholder={t.checkPlaceholder} rows={6} resize="vertical" />
        </Field>
        <div style={styles.row}>
          <Button appearance="primary" onClick={() => void nc.check(text)} disabled={st.busy !== undefined}>{t.checkRun}</Button>
          {st.busy === 'check' && <Text role="status">{t.narrativeReading}</Text>}
        </div>
        {check && (
          <div style={{ ...styles.stack, marginTop: 0 }} data-testid="narrative-check">
            <MessageBar intent={check.findings.length === 0 ? 'success' : errors > 0 ? 'error' : 'warning'} role="status">
              <MessageBarBody data-testid="check-summary">{check.findings.length === 0 ? t.checkAgree(check.checked) : t.checkFound(check.checked, errors, check.findings.length - errors)}</MessageBarBody>
            </MessageBar>
            {check.changesUnchecked > 0 && <Text size={200}>{t.checkChanges(check.changesUnchecked)}</Text>}
            {check.unknown > 0 && <Text size={200}>{t.checkUnknown(check.unknown)}</Text>}
            {check.findings.length > 0 && (
              <ul style={styles.list}>
                {check.findings.map((f, i) => {
                  const shown = renderFinding(f, lang);
                  const g = grade(f);
                  const cell = f.cells[0] ? (f.cells[0].includes('!') ? f.cells[0] : `${f.sheet}!${f.cells[0]}`) : undefined;
                  return (
                    <li key={i} style={styles.item} data-testid="narrative-finding" data-grade={g}>
                      <div style={styles.row}>
                        <span style={{ ...styles.chip, ...CHIP[g] }}>{gradeWord[g]}</span>
                        {cell && <Button size="small" appearance="transparent" onClick={() => void nc.select(f, lang)} aria-label={t.goTo(cell)}>{cell}</Button>}
                      </div>
                      <Text style={styles.body}>{shown.message}</Text>
                      {f.reported !== null && f.computed !== null && (
                        <Text size={200} style={styles.figures}>{`${t.checkText} ${f.reported} · ${t.checkTables} ${f.computed} · ${t.difference} ${f.difference ?? ''}`}</Text>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

const STYLES: Record<string, CSSProperties> = {
    stack: { display: 'flex', flexDirection: 'column', gap: '10px', marginTop: '10px' },
    section: { display: 'flex', flexDirection: 'column', gap: '6px', paddingTop: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
    row: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
    paragraph: { display: 'flex', flexDirection: 'column', gap: '2px' },
    body: { lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
    list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
    item: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '6px 8px', borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground2 },
    figures: { color: tokens.colorNeutralForeground2 },
    file: { overflowWrap: 'anywhere', flexGrow: 1, minWidth: 0 },
    hidden: { display: 'none' },
    chip: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold, padding: '0 6px', borderRadius: tokens.borderRadiusMedium },
};
