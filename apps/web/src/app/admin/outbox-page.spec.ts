import type { HttpTestingController } from '@angular/common/http/testing';
import type { RouterTestingHarness } from '@angular/router/testing';

import { type OutboxMessageView, apiRoutes } from '@portfolio/contracts';

import { createPageHarness, settle, textOf } from '../testing/page-harness';
import { answerWhoIsSignedIn, userWithRoles } from '../testing/session-fixtures';
import { OutboxPage } from './outbox-page';

function message(id: string, subject: string, sentAt: string | null): OutboxMessageView {
  return {
    id,
    to: 'assessor@demo.test',
    subject,
    text: `Hello,\n\n${subject}.`,
    createdAt: '2026-03-02T09:00:00.000Z',
    sentAt,
  };
}

describe('OutboxPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  beforeEach(async () => {
    ({ harness, http } = await createPageHarness());
    await answerWhoIsSignedIn(http, userWithRoles(['admin'], 'Portfolio administrator'));
    await harness.navigateByUrl('/admin/outbox', OutboxPage);
    page = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  const facts = (item: Element) =>
    Array.from(item.querySelectorAll('.nhsuk-summary-list__row')).map(
      (row) => `${textOf(row, 'dt')[0]}: ${textOf(row, 'dd')[0]}`,
    );

  it('lists the mail newest first, sent or waiting, each with its text to open', async () => {
    expect(textOf(page, '[role="status"]')).toEqual(['Loading the outbox…']);
    http.expectOne(apiRoutes.adminOutbox).flush({
      items: [
        message('m2', 'An assessment is waiting for you', null),
        message('m1', 'Your work has been signed off', '2026-03-02T09:01:00.000Z'),
      ],
      nextCursor: null,
    });
    await settle(harness);

    const items = Array.from(page.querySelectorAll('.app-outbox__message'));
    expect(items.map((item) => textOf(item, 'h2')[0])).toEqual([
      'An assessment is waiting for you',
      'Your work has been signed off',
    ]);
    expect(facts(items[0])).toEqual([
      'To: assessor@demo.test',
      expect.stringMatching(/^Created: 2 March 2026 at \d\d:\d\d$/),
      'Sent: Waiting in outbox',
    ]);
    expect(facts(items[1])[2]).toMatch(/^Sent: 2 March 2026 at \d\d:\d\d$/);
    const details = items[0].querySelector('details');
    expect(details?.classList).toContain('nhsuk-details');
    expect(details?.open).toBe(false);
    expect(textOf(items[0], 'summary')).toEqual(['Read the message: An assessment is waiting for you']);
    expect(items[0].querySelector('.app-outbox__text')?.textContent).toBe(
      'Hello,\n\nAn assessment is waiting for you.',
    );
    expect(textOf(page, '[role="status"]')).toEqual(['Showing 2 messages, all there are.']);
    expect(page.querySelector('button')).toBeNull();
  });

  it('shows more a page at a time, after the last one shown', async () => {
    http.expectOne(apiRoutes.adminOutbox).flush({ items: [message('m3', 'Third', null)], nextCursor: 'after-m3' });
    await settle(harness);

    page.querySelector<HTMLButtonElement>('button')?.click();
    const next = http.expectOne((request) => request.url === apiRoutes.adminOutbox);
    expect(next.request.params.get('cursor')).toBe('after-m3');
    next.flush({ items: [message('m2', 'Second', null)], nextCursor: null });
    await settle(harness);

    expect(textOf(page, '.app-outbox__subject')).toEqual(['Third', 'Second']);
    expect(page.querySelector('button')).toBeNull();
  });

  it('says so when no mail has been sent', async () => {
    http.expectOne(apiRoutes.adminOutbox).flush({ items: [], nextCursor: null });
    await settle(harness);

    expect(page.textContent).toContain('No mail has been sent yet.');
  });
});
