export * from './lib/canonical-json';
export * from './lib/framework-file';
export * from './lib/validate-framework-file';
export * from './lib/versions';
export * from './lib/patient-identifiers';
export * from './lib/progress';
export * from './lib/validate-assessment-template';
export * from './lib/assessment-answers';
