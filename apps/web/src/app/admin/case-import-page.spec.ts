import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type CaseImportView, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { CaseImportPage, jsonPathOf, readAsText } from './case-import-page';

const casePackage = { CFDocument: { identifier: 'd', title: 'Leadership' }, CFItems: [] };

describe('CaseImportPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['admin']));
    await harness.navigateByUrl('/admin/frameworks/import', CaseImportPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function chooseFile(name: string, text: string): void {
    Object.defineProperty(fieldOf(page, 'packageFile'), 'files', {
      value: [new File([text], name, { type: 'application/json' })],
      configurable: true,
    });
  }

  function pasteBox(): HTMLTextAreaElement {
    const box = page.querySelector<HTMLTextAreaElement>('#packageText');
    if (!box) throw new Error('No box to paste the package into');
    return box;
  }

  async function submit(): Promise<TestRequest> {
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    for (let attempt = 0; attempt < 50; attempt++) {
      const [request] = http.match(apiRoutes.adminCaseImports);
      if (request) return request;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The package was not sent');
  }

  async function sentFile(request: TestRequest): Promise<string> {
    const body = request.request.body as FormData;
    return readAsText(body.get('file') as Blob);
  }

  it('asks for a package, and refuses pasted text that is not JSON, before sending anything', async () => {
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['Choose a package file, or paste the package']);

    pasteBox().value = '{ "CFDocument": ';
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['The pasted text is not JSON: paste the whole CFPackage']);
    http.expectNone(apiRoutes.adminCaseImports);
  });

  it("lists the schema's errors with their JSON paths, and lets the item types be mapped for the next try", async () => {
    chooseFile('framework.json', JSON.stringify(casePackage));
    const first = await submit();
    expect(await sentFile(first)).toBe(JSON.stringify(casePackage));
    expect((first.request.body as FormData).has('itemTypeRoles')).toBe(false);
    first.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'The package cannot be read as a framework.',
        errors: [{ field: 'package.CFItems', message: 'no domains or elements hang from the document by isChildOf' }],
        itemTypes: { behaviour: 'ignore', domain: 'domain' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'The package cannot be read as a framework. The problems are listed below.',
    ]);
    expect(textOf(page, '.app-package-errors tbody td')).toEqual([
      'Where $.CFItems',
      'Problem no domains or elements hang from the document by isChildOf',
    ]);
    expect(fieldOf<HTMLSelectElement>(page, 'role-behaviour').value).toBe('ignore');

    fieldOf<HTMLSelectElement>(page, 'role-behaviour').value = 'element';
    fieldOf<HTMLInputElement>(page, 'key').value = 'hlm-behaviours';
    const second = await submit();
    const form = second.request.body as FormData;
    expect(JSON.parse(form.get('itemTypeRoles') as string)).toEqual({ behaviour: 'element', domain: 'domain' });
    expect(form.get('key')).toBe('hlm-behaviours');
    second.flush({
      key: 'hlm-behaviours',
      version: '2013',
      result: 'created',
      itemTypes: { behaviour: 'element', domain: 'domain' },
      domains: 0,
      elements: 9,
      outcomes: 9,
      previousVersion: null,
      correspondences: 0,
      crosswalks: [],
    } satisfies CaseImportView);
    await settle(harness);
    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['hlm-behaviours version 2013 imported']);
    expect(page.querySelector('.app-package-errors')).toBeNull();
  });

  it('sends a pasted package as a file and reports its correspondences and crosswalks', async () => {
    pasteBox().value = JSON.stringify(casePackage);
    const request = await submit();
    expect(await sentFile(request)).toBe(JSON.stringify(casePackage));
    request.flush({
      key: 'mlcf',
      version: '2026',
      result: 'created',
      itemTypes: { domain: 'domain', element: 'element', outcome: 'outcome' },
      domains: 7,
      elements: 28,
      outcomes: 264,
      previousVersion: '2010',
      correspondences: 28,
      crosswalks: [
        { key: 'mlcf-2026--healthcare-leadership-model-2013', mappings: 19, result: 'skipped', reason: 'not held' },
      ],
    } satisfies CaseImportView);
    await settle(harness);
    expect(textOf(page, '.nhsuk-summary-list__value')).toEqual([
      '7, 28, 264',
      '2010, with 28 correspondences',
      '19 mappings, skipped: not held',
    ]);
  });

  it('writes API field paths as JSON paths', () => {
    expect(jsonPathOf('package.CFItems.3.uri')).toBe('$.CFItems[3].uri');
    expect(jsonPathOf('framework.domains.0.elements.2.id')).toBe('$.domains[0].elements[2].id');
    expect(jsonPathOf('package')).toBe('$');
  });
});
