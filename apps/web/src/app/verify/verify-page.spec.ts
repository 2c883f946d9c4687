import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type ReportVerification, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, fieldOf, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn } from '../testing/session-fixtures';
import { VerifyPage, normaliseCode } from './verify-page';

const genuine: ReportVerification = {
  genuine: true,
  report: {
    verificationCode: 'K7M2-Q9XR-4T8B',
    traineeName: 'Dr Aisha Khan',
    gmcNumber: '7654321',
    period: '2026-27',
    outcomeCode: '1',
    outcomeTitle: 'Satisfactory progress',
    reviewDate: '2027-06-10',
    issuedAt: '2027-06-11T10:15:00.000Z',
    contentSha256: 'c0ffee'.padEnd(64, '0'),
    fileSha256: 'f'.repeat(64),
  },
};

const notGenuine: ReportVerification = { genuine: false, report: null };

/** Each row of the summary list as "key: value". */
function detailsOf(page: HTMLElement): string[] {
  return Array.from(page.querySelectorAll('.app-verification-details .nhsuk-summary-list__row')).map(
    (row) => `${textOf(row, 'dt')[0]}: ${textOf(row, 'dd')[0]}`,
  );
}

describe('verification codes', () => {
  it('forgives spaces and lower case in a typed code', () => {
    expect(normaliseCode(' k7m2 q9xr 4t8b ')).toBe('K7M2-Q9XR-4T8B');
    expect(normaliseCode('k7m2q9xr4t8b')).toBe('K7M2-Q9XR-4T8B');
    expect(normaliseCode('K7M2-Q9XR-4T8O')).toBe('K7M2-Q9XR-4T80');
    expect(normaliseCode('abc def')).toBe('ABC-DEF');
  });
});

describe('VerifyPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  afterEach(() => http.verify());

  /** Opened by someone who is not signed in, as most who check a report will be. */
  async function open(url: string): Promise<void> {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, null);
    await harness.navigateByUrl(url, VerifyPage);
    page = harness.routeNativeElement as HTMLElement;
    await settle(harness);
  }

  function chooseFile(file: File): void {
    Object.defineProperty(fieldOf(page, 'file'), 'files', { value: [file], configurable: true });
  }

  it('checks the code in a printed link at once, and shows what the service holds for a genuine report', async () => {
    await open('/verify/k7m2q9xr4t8b');
    http.expectOne(apiRoutes.reportVerify('K7M2-Q9XR-4T8B')).flush(genuine);
    await settle(harness);

    expect(textOf(page, '.nhsuk-panel__title')).toEqual(['This report is genuine']);
    expect(textOf(page, '.nhsuk-panel__body')).toEqual([
      'Code K7M2-Q9XR-4T8B belongs to a report this service issued.',
    ]);
    expect(detailsOf(page)).toEqual([
      'Name: Dr Aisha Khan',
      'GMC number: 7654321',
      'Review period: 2026-27',
      'Outcome: Outcome 1: Satisfactory progress',
      'Date of the review: 10 June 2027',
      expect.stringMatching(/^Issued: 11 June 2027 at \d\d:15$/),
      'Verification code: K7M2-Q9XR-4T8B',
      `Content hash (SHA-256): ${'c0ffee'.padEnd(64, '0')}`,
    ]);
    expect(fieldOf(page, 'code').value).toBe('k7m2q9xr4t8b');
  });

  it('puts a typed code in the address and warns clearly when there is no such report', async () => {
    await open('/verify');
    expect(textOf(page, 'h1')).toEqual(['Check a progression report']);

    page.querySelector<HTMLFormElement>('.app-verify-form')?.requestSubmit();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['Enter the verification code printed on the report']);

    fieldOf(page, 'code').value = 'aaaa bbbb cccc';
    page.querySelector<HTMLFormElement>('.app-verify-form')?.requestSubmit();
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/verify/AAAA-BBBB-CCCC');
    // /verify/:code is a route of its own, so the page there is a new one.
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(apiRoutes.reportVerify('AAAA-BBBB-CCCC')).flush(notGenuine);
    await settle(harness);

    expect(page.querySelector('.nhsuk-panel')).toBeNull();
    expect(textOf(page, '.app-verification-warning h2')).toEqual(['Important: We have no report with this code']);
    expect(textOf(page, '.app-verification-warning p')[0]).toContain('Check that you typed AAAA-BBBB-CCCC');
  });

  it('checks a PDF file by sending it, and says whether it is exactly as issued', async () => {
    await open('/verify');
    const [, fileForm] = Array.from(page.querySelectorAll<HTMLFormElement>('.app-verify-form'));

    fileForm?.requestSubmit();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['Choose the PDF file of the report']);

    chooseFile(new File(['hello'], 'notes.docx', { type: 'application/msword' }));
    fileForm?.requestSubmit();
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual(['The file must be a PDF']);

    chooseFile(new File(['%PDF-1.7 report'], 'report.pdf', { type: 'application/pdf' }));
    fileForm?.requestSubmit();
    await settle(harness);
    const sent = http.expectOne(apiRoutes.reportFileVerification);
    expect(sent.request.method).toBe('POST');
    const body = sent.request.body as FormData;
    expect((body.get('file') as File).name).toBe('report.pdf');
    sent.flush(genuine);
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary')).toEqual([]);
    expect(textOf(page, '.nhsuk-panel__body')).toEqual(['report.pdf is exactly as this service issued it.']);

    chooseFile(new File(['%PDF-1.7 altered'], 'altered.pdf', { type: 'application/pdf' }));
    fileForm?.requestSubmit();
    await settle(harness);
    http.expectOne(apiRoutes.reportFileVerification).flush(notGenuine);
    await settle(harness);
    expect(textOf(page, '.app-verification-warning h2')).toEqual([
      'Important: This file does not match any report we issued',
    ]);
  });

  it('says so when there have been too many checks from one place', async () => {
    await open('/verify/K7M2-Q9XR-4T8B');
    http.expectOne(apiRoutes.reportVerify('K7M2-Q9XR-4T8B')).flush(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many verification requests from this address: wait a minute and try again.',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle(harness);
    expect(textOf(page, '.nhsuk-error-summary li')).toEqual([
      'Too many verification requests from this address: wait a minute and try again.',
    ]);
  });
});
