// `npm run test:fuzz`: hostile input against every operation of the OpenAPI document.
// Named apart from jest.config.* so that the @nx/jest plugin infers no second test target.
const base = require('./jest.config.cts');

module.exports = {
  ...base,
  displayName: 'api-fuzz',
  testMatch: ['<rootDir>/test/fuzz/**/*.fuzz.ts'],
  // Compiled file by file, without type checking (typecheck does that): the run starts in seconds.
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.fuzz.json' }],
  },
  testTimeout: 600_000,
};
