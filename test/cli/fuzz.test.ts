/**
 * The seeded fuzz test: a few hundred mutations of the sample (zip damage, missing parts, bad XML, extreme
 * cells, files that are not workbooks), checked in one batch. No crash, no hang, every file a verdict (exit
 * status 0, 1 or 2), every message the checker's own Chinese sentence, the inputs unchanged. The seed is fixed;
 * the time limit per file is a minute against the few milliseconds a file takes. `npm run fuzz` runs thousands.
 */
import { runFuzz } from './fuzz-run';

const SEED = 20_250_101;
const COUNT = 300;

describe('fuzz: mutations of the sample through the batch checker', () => {
  test(`${COUNT} mutants, seed ${SEED}: no crash, no hang, no silent pass, no raw message, inputs unchanged`, async () => {
    // LibreOffice is left out (a path that does not exist): .xls and .et mutants get the install message.
    const r = await runFuzz({ seed: SEED, count: COUNT, lang: 'zh', timeoutS: 60, args: ['--soffice', '/nonexistent/soffice'] });
    const bad = r.outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.mutant.name}: ${o.problems.join(', ')} → ${o.report ? `${o.report.verdict} ${o.report.errorCode ?? ''} ${o.report.error ?? ''}` : 'no report'}`);
    expect(bad).toEqual([]);
    expect([2, 1, 0]).toContain(r.exitCode);
    expect({ crashes: r.crashes, hangs: r.hangs, silentPasses: r.silentPasses, rawMessages: r.rawMessages, unexpected: r.unexpected }).toEqual({ crashes: 0, hangs: 0, silentPasses: 0, rawMessages: 0, unexpected: 0 });
    expect(r.changedInputs).toEqual([]);
    expect(r.strayFiles).toEqual([]);
    expect(r.outcomes.every((o) => o.report !== undefined)).toBe(true);
    // The mutants do reach every verdict that matters: checked, not checked as damaged, as password-protected…
    const codes = new Set<string | undefined>(r.outcomes.map((o) => o.report?.errorCode ?? o.report?.verdict));
    for (const c of ['ok', 'corrupt', 'encrypted', 'not-workbook', 'empty', 'uncalculated']) expect([c, codes.has(c)]).toEqual([c, true]);
  }, 240_000);

  test('--lang en: the same mutants give English sentences', async () => {
    const r = await runFuzz({ seed: SEED, count: 60, lang: 'en', timeoutS: 60, args: ['--soffice', '/nonexistent/soffice'] });
    expect(r.outcomes.filter((o) => o.problems.length > 0).map((o) => o.mutant.name)).toEqual([]);
    expect(r.outcomes.filter((o) => o.report?.error !== undefined && /[\u4e00-\u9fff]/.test(o.report.error.replace(/（.*|\(.*/, ''))).map((o) => o.mutant.name)).toEqual([]);
  }, 240_000);
});
