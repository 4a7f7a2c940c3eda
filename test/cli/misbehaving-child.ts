/**
 * A checking process that misbehaves on purpose, for the isolation tests (test/cli/isolation.test.ts): by the
 * name of the file it is given it runs out of memory, never answers, exits, or answers like the real one.
 */
import type { FromChild, ToChild } from '../../cli/child';

const held: number[][] = [];

process.on('message', (m: ToChild) => {
  if (m.type === 'init') { process.send?.({ type: 'ready' } satisfies FromChild); return; }
  if (m.display.includes('oom')) {
    // Real V8 heap exhaustion under the pool's --max-old-space-size.
    for (;;) held.push(new Array<number>(1_000_000).fill(held.length));
  }
  if (m.display.includes('hang')) for (;;) { /* never answers */ }
  if (m.display.includes('exit')) process.exit(7);
  const report = m.type === 'round' ? { input: m.display, output: m.output } : { path: m.display, tables: [], findings: [] };
  const reply: FromChild = { type: 'result', id: m.id, maxRssKb: process.resourceUsage().maxRSS, report };
  process.send?.(reply);
});
process.on('disconnect', () => process.exit(0));
