import { apiRoutes } from './api-routes';

describe('apiRoutes', () => {
  it('builds framework paths under /api', () => {
    expect(apiRoutes.framework('mlcf')).toBe('/api/frameworks/mlcf');
    expect(apiRoutes.frameworkVersion('mlcf', '2010')).toBe('/api/frameworks/mlcf/versions/2010');
  });

  it('escapes what would break out of a path segment', () => {
    expect(apiRoutes.framework('../admin')).toBe('/api/frameworks/..%2Fadmin');
    expect(apiRoutes.frameworkVersion('a b', '1/2')).toBe('/api/frameworks/a%20b/versions/1%2F2');
  });
});
