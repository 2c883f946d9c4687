export * from './lib/competency';
