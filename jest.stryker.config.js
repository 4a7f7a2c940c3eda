// Jest for mutation testing (`npm run mutate`, see stryker.config.json and docs/decisions.md): the project's
// Jest configuration with only the core tests of src/ (test/src). The browser, end-to-end, task pane,
// playground, CLI and script tests exercise other code and would only slow every mutant down.
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // src/ must be a root too: Stryker picks each mutant's tests with --findRelatedTests, and Jest only follows
  // imports through files inside its roots (with test/ alone, a test reaching src/layouts through src/engine
  // is not related to src/layouts, and such a mutant would run no test at all).
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['<rootDir>/test/src/**/*.test.ts'],
  // Quickest files first, and a mutant's run ends at its first failing file: a killed mutant costs seconds,
  // not the whole suite (which much of the engine needs, as it runs while test files load).
  testSequencer: '<rootDir>/stryker/jest-fastest-first-sequencer.mjs',
  runner: '<rootDir>/stryker/jest-first-failure-runner.mjs',
};
