import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/trainees', '/trainees'],
    ['/admin/users?search=khan&role=trainee', '/admin/users?search=khan&role=trainee'],
    ['/frameworks/mlcf#stage', '/frameworks/mlcf#stage'],
  ])('keeps the same-site path %s', (requested, expected) => {
    expect(safeReturnPath(requested)).toBe(expected);
  });

  it.each([
    [undefined],
    [''],
    ['https://evil.example/'],
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['javascript:alert(1)'],
    ['trainees'],
    ['/sign-in?returnUrl=%2Ftrainees'],
  ])('sends %p home instead', (requested) => {
    expect(safeReturnPath(requested)).toBe('/');
  });
});
