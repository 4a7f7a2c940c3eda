// @ts-check
/**
 * Test order for mutation testing (see jest.stryker.config.js): the quickest test files first, by the durations
 * Jest recorded in earlier runs, so that with jest-first-failure-runner.mjs a killed mutant is usually killed
 * within seconds. Files without a recorded duration go last, smallest first.
 */
import { statSync } from 'node:fs';
import sequencer from '@jest/test-sequencer';

export default class FastestFirstSequencer extends sequencer.default {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    /** @param {import('@jest/test-result').Test} t */
    const duration = (t) => this._getCache(t)[t.path]?.[1] ?? Number.POSITIVE_INFINITY;
    /** @param {import('@jest/test-result').Test} t */
    const size = (t) => statSync(t.path).size;
    return [...tests].sort((a, b) => duration(a) - duration(b) || size(a) - size(b) || (a.path < b.path ? -1 : 1));
  }
}
