// @ts-check
/**
 * Jest runner for mutation testing (see jest.stryker.config.js): test files run one at a time, in band, and a
 * mutant's run stops at the first file with a failing test — the mutant is killed, further files could only
 * confirm it. Stryker's Jest runner forces Jest's own `bail` off (it ends the process), so this does it instead.
 * The initial run (no active mutant: Stryker measures coverage) and every surviving mutant run every file.
 */
import process from 'node:process';
import jestRunner from 'jest-runner';

const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

export default class FirstFailureRunner extends jestRunner.default {
  /** @type {import('jest-runner').default['runTests']} */
  async runTests(tests, watcher, options) {
    if (process.env[ACTIVE_MUTANT] === undefined) return super.runTests(tests, watcher, options);
    let failed = false;
    const offSuccess = this.on('test-file-success', ([, result]) => {
      if (result.numFailingTests > 0 || result.testExecError !== undefined) failed = true;
    });
    const offFailure = this.on('test-file-failure', () => { failed = true; });
    try {
      for (const test of tests) {
        if (failed || watcher.isInterrupted()) break;
        await super.runTests([test], watcher, { ...options, serial: true });
      }
    } finally {
      offSuccess();
      offFailure();
    }
  }
}
