import type { Config } from 'jest';

// Named jest.e2e.config so that the @nx/jest plugin, which looks for jest.config.*, infers no
// unit-test target here: these journeys need the built server and a browser.
const config: Config = {
  displayName: 'web-e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  // Each file drives its own Chromium; two at a time keeps the run short on a small machine.
  maxWorkers: 2,
  testTimeout: 60_000,
};

module.exports = config;
