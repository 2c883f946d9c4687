import type { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { apiRoutes, traineeImportColumns } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { ImportTraineesPage } from './import-trainees-page';

const header = traineeImportColumns.join(',');

describe('ImportTraineesPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['admin']));
    await harness.navigateByUrl('/admin/import', ImportTraineesPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function chooseFile(name: string, text: string): void {
    const input = fieldOf(page, 'csvFile');
    Object.defineProperty(input, 'files', {
      value: [new File([text], name, { type: 'text/csv' })],
      configurable: true,
    });
  }

  /** Submits the form and answers the request once the browser has read the file and sent it. */
  async function submit(): Promise<TestRequest> {
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    for (let attempt = 0; attempt < 50; attempt++) {
      const [request] = http.match(apiRoutes.adminTraineeImport);
      if (request) {
        return request;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('The file was not sent');
  }

  it('shows the header line the file must start with, and accepts only CSV files', () => {
    expect(page.textContent).toContain(header);
    expect(fieldOf(page, 'csvFile').getAttribute('accept')).toBe('.csv,text/csv');
  });

  it('asks for a file before sending anything', async () => {
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['Select a CSV file']);
    http.expectNone(apiRoutes.adminTraineeImport);
  });

  it('sends the file as text and lists every bad line the API reports', async () => {
    const csv = `${header}\nDr A,a@example.test,123,Foundation Programme,postgraduate,FY1,supervisor@demo.test\n`;
    chooseFile('cohort.csv', csv);
    const request = await submit();

    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ csv });
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: '2 problems found; nothing was imported',
        lineErrors: [
          { line: 2, field: 'gmc_number', message: "'123' is not a GMC reference number (7 digits)" },
          { line: 3, field: 'programme', message: "there is no programme called 'Nope'" },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual([
      'The file has 2 problems, listed below. Nothing was imported. Correct the file and choose it again.',
    ]);
    const rows = Array.from(page.querySelectorAll('table tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) => cell.lastChild?.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2', 'gmc_number', "'123' is not a GMC reference number (7 digits)"],
      ['3', 'programme', "there is no programme called 'Nope'"],
    ]);
    expect(textOf(page, 'table caption')).toEqual(['Problems in the file']);
  });

  it('says how many trainees were imported', async () => {
    chooseFile('cohort.csv', `${header}\nDr A,a@example.test,1234567,Foundation Programme,postgraduate,FY1,s@x.test\n`);
    const request = await submit();
    request.flush({ imported: 12 }, { status: 201, statusText: 'Created' });
    await settle(harness);

    expect(textOf(page, '.nhsuk-notification-banner__heading')).toEqual(['12 trainees imported']);
    expect(page.querySelector('.nhsuk-error-summary')).toBeNull();
    expect(page.querySelector('table')).toBeNull();
  });

  it('refuses a file that is not CSV', async () => {
    chooseFile('cohort.xlsx', 'not csv');
    page.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);

    expect(textOf(page, '.nhsuk-error-summary a')).toEqual(['The selected file must be a CSV file']);
    http.expectNone(apiRoutes.adminTraineeImport);
  });
});
