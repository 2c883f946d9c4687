/**
 * A real dynamic import that the CommonJS build leaves alone (TypeScript would turn
 * `import()` into `require()`), for packages published only as ES modules.
 */
const importModule = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;

export function importEsm<T>(specifier: string): Promise<T> {
  return importModule<T>(specifier);
}
