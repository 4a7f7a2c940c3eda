/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Component tests (.test.tsx) choose jsdom with a docblock; everything else runs in Node.
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // jsdom would pick uuid's browser (ESM) build for exceljs; the Node build is the same API.
  moduleNameMapper: { '^uuid$': require.resolve('uuid') },
  setupFiles: ['<rootDir>/test/helpers/jsdom-setup.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
