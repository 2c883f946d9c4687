export * from './lib/canonical-json';
export * from './lib/framework-file';
export * from './lib/validate-framework-file';
export * from './lib/versions';
