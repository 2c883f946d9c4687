export * from './lib/api-routes';
export * from './lib/auth';
export * from './lib/errors';
export * from './lib/frameworks';
export * from './lib/health';
export * from './lib/permissions';
export * from './lib/organisations';
