/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Component tests (.test.tsx) choose jsdom with a docblock; everything else runs in Node.
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Jest's 5 s default is too tight for a component test (React + Fluent UI under jsdom) on a busy 2-core
  // machine: one timed out under load. A test that needs longer still says so itself (builds, browsers).
  testTimeout: 30_000,
  // jsdom would pick uuid's browser (ESM) build for exceljs; the Node build is the same API.
  moduleNameMapper: { '^uuid$': require.resolve('uuid') },
  setupFiles: ['<rootDir>/test/helpers/jsdom-setup.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
