// `npm run test:faults`: the API while its PostgreSQL is stopped and started underneath it.
// Each suite owns its database server, so these run one at a time and apart from `npm test`.
module.exports = {
  displayName: 'api-faults',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // Types are checked by `typecheck`; compiling file by file starts these suites sooner.
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
  maxWorkers: 1,
  testTimeout: 120_000,
};
