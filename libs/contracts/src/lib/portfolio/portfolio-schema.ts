import portfolioSchemaV1 from './portfolio-v1.schema.json';

/** The JSON Schema (draft 2020-12) of `portfolio.json`, version 1. */
export { portfolioSchemaV1 };
