import type { Browser, Page } from 'playwright-core';

import { demoAccounts, signInAs, submitSignIn } from './support/accounts';
import { appUrl, launchBrowser, openPage } from './support/browser';
import { checkPage } from './support/check-page';
import { expectNoSidewaysScrolling, phone } from './support/layout';

/** A number unique to this run, so that the journeys also pass against a database kept between runs. */
const run = Date.now().toString(36);

/**
 * A trainee of the demo supervisor's made for these journeys: what they assess and sign off
 * (nearly every element, through the business plan's criteria) stays out of the demo trainee's
 * progress, which other journeys count.
 */
const journeyTrainee = {
  email: `assessed.trainee.${run}@demo.test`,
  name: 'Dr Priya Shah',
  password: `journey-password-${run}`,
};

/** Each journey moves three people through several pages: longer than the default for one journey. */
const journeyTimeoutMs = 180_000;

const businessPlan = 'Service-improvement project business plan';
const caseDiscussion = 'Leadership case-based discussion';
const sha256Pattern = /^[0-9a-f]{64}$/;

/** A write to the API as the user signed in on this page, with the CSRF token the web app would send. */
async function apiWrite(page: Page, path: string, data: unknown): Promise<{ id: string }> {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(appUrl(path), { data, headers: { 'X-XSRF-TOKEN': token } });
  if (!response.ok()) {
    throw new Error(`POST ${path} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as { id: string };
}

/** As the administrator: the journeys' trainee, at the demo trainee's stage, supervised by the demo supervisor. */
async function createJourneyTrainee(browser: Browser): Promise<void> {
  const { page } = await openPage(browser);
  await signInAs(page, 'admin', '/admin');
  const deaneries = (await (await page.request.get(appUrl('/api/admin/deaneries'))).json()) as {
    id: string;
    programmes: { id: string }[];
  }[];
  const deanery = deaneries.find((candidate) => candidate.programmes.length > 0);
  const users = (await (
    await page.request.get(appUrl(`/api/admin/users?search=${encodeURIComponent(demoAccounts.supervisor.email)}`))
  ).json()) as { items: { id: string }[] };
  const trainee = await apiWrite(page, '/api/admin/users', {
    email: journeyTrainee.email,
    displayName: journeyTrainee.name,
    roles: ['trainee'],
    deaneryId: deanery?.id ?? null,
    gmcNumber: null,
    password: journeyTrainee.password,
  });
  const startsOn = `${new Date().getFullYear()}-01-01`;
  await apiWrite(page, '/api/admin/training-records', {
    traineeId: trainee.id,
    programmeId: deanery?.programmes[0]?.id,
    stageKey: 'postgraduate',
    grade: 'FY2',
    startsOn,
  });
  await apiWrite(page, '/api/admin/assignments', { traineeId: trainee.id, supervisorId: users.items[0]?.id, startsOn });
  await page.context().close();
}

async function signInAsJourneyTrainee(page: Page): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await submitSignIn(page, journeyTrainee.email, journeyTrainee.password);
  await page.getByRole('navigation', { name: 'Account' }).getByText(journeyTrainee.name).waitFor();
}

/** Waits until the autosave status says the trainee's part is on the server. */
async function waitUntilSaved(page: Page): Promise<void> {
  await page
    .locator('#autosave-status')
    .filter({ hasText: /^\s*Saved at \d\d:\d\d\s*$/ })
    .waitFor();
}

/** Opens "Start an assessment" from the navigation and starts the template named. */
async function startAssessment(page: Page, templateTitle: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
  await page.locator('.app-template-card').getByRole('link', { name: templateTitle }).click();
  await page.getByRole('heading', { level: 1, name: templateTitle }).waitFor();
}

/** The business plan's parts, each with something written in it, but for the sections left out. */
async function writeBusinessPlan(page: Page, title: string, leaveOut: string[] = []): Promise<void> {
  await page.getByLabel('Project title').fill(title);
  await page.getByLabel('Service or department').fill('Acute medical unit');
  await page.getByLabel('Planned start (optional)').fill('2026-12-01');
  const textareas = page.locator('textarea[id^="answer-"]');
  for (const textarea of await textareas.all()) {
    const id = (await textarea.getAttribute('id')) ?? '';
    if (!leaveOut.includes(id)) {
      await textarea.fill(
        `For ${id.replace(/^answer-|-text$/g, '')}: discharge letters take **three days** to reach GPs.`,
      );
    }
  }
}

/** Opens an assessment from the assessor's list, and keeps a screenshot of the list when asked. */
async function openToAssess(page: Page, title: string, screenshotName?: string): Promise<void> {
  await page.goto(appUrl('/assessments'));
  await page.getByRole('heading', { level: 2, name: 'Waiting for you to assess' }).waitFor();
  await page.locator('.app-assessment-table').waitFor();
  if (screenshotName) {
    await checkPage(page, screenshotName);
  }
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The link an external assessor was mailed, read from the outbox as the administrator can. */
async function ticketLinkFor(browser: Browser, email: string): Promise<string> {
  const { page } = await openPage(browser);
  await signInAs(page, 'admin');
  const response = await page.request.get(appUrl('/api/admin/outbox'));
  expect(response.status()).toBe(200);
  const outbox = (await response.json()) as { items: { to: string; text: string }[] };
  const message = outbox.items.find((item) => item.to === email);
  const link = /https?:\/\/\S+\/ticket#\S+/.exec(message?.text ?? '')?.[0];
  await page.context().close();
  if (!link) {
    throw new Error(`No link mailed to ${email}`);
  }
  // The mail names the server's public address; the journeys reach the same server at appUrl.
  return appUrl(`/ticket${new URL(link).hash}`);
}

/** A trainee's case-based discussion sent to someone without an account. */
async function sendCaseDiscussionByEmail(page: Page, title: string, email: string): Promise<void> {
  await startAssessment(page, caseDiscussion);
  await page.getByLabel('What happened and what you did').fill(`${title}: I chaired the bed meeting when flow failed.`);
  await page.getByLabel('When it happened').fill('2026-10-14');
  await page.getByLabel('Department or service').check();
  await page.getByLabel('3.2 Managing Resources').check();
  await page.getByLabel('2.4 Working within Teams').check();
  await waitUntilSaved(page);
  await page.getByLabel('Someone else, by email').check();
  await page.getByLabel('Their full name').fill('Ms Rosa Field');
  await page.getByLabel('Their email address').fill(email);
  await page.getByRole('button', { name: 'Send for assessment' }).click();
  await page.getByText('Your assessment has been sent').waitFor();
}

describe('Assessments', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await createJourneyTrainee(browser);
  });
  afterAll(async () => {
    await browser.close();
  });

  it(
    'takes a business plan from the trainee to the supervisor, back for revision, and to sign-off',
    async () => {
      const trainee = await openPage(browser, {
        expectedErrors: [{ status: 400, url: /\/api\/assessments\/[^/]+\/send$/ }],
      });
      const supervisor = await openPage(browser);
      const title = `Discharge letters within a day ${run}`;

      await signInAsJourneyTrainee(trainee.page);
      await trainee.page.goto(appUrl('/assessments'));
      await trainee.page.getByRole('heading', { level: 2, name: 'Start an assessment' }).waitFor();
      await trainee.page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
      await trainee.page.locator('.app-template-card').first().waitFor();
      await checkPage(trainee.page, 'assessments');
      await startAssessment(trainee.page, businessPlan);
      await checkPage(trainee.page, 'assessment-new');

      const created = trainee.page.waitForResponse(
        (response) => response.url().endsWith('/api/assessments') && response.request().method() === 'POST',
      );
      await writeBusinessPlan(trainee.page, title, ['answer-reflection-text']);
      expect((await created).status()).toBe(201);
      await trainee.page.waitForURL(/\/assessments\/[0-9a-f-]+$/);
      await waitUntilSaved(trainee.page);
      const assessmentUrl = trainee.page.url();

      // Sending is refused while a required part is empty, and the summary says which.
      await trainee.page.getByLabel('My educational supervisor').check();
      await trainee.page.getByRole('button', { name: 'Send for assessment' }).click();
      const missing = trainee.page.locator('.nhsuk-error-summary a').filter({ hasText: 'Reflection' });
      await missing.waitFor();
      await checkPage(trainee.page, 'assessment-send-refused');
      await missing.click();
      await trainee.page.keyboard.type('I learnt to bring the pharmacists in from the start.');
      await trainee.page.getByRole('button', { name: 'Send for assessment' }).click();
      await trainee.page.getByText('Your assessment has been sent').waitFor();
      await trainee.page.getByText('Waiting for the assessor', { exact: true }).first().waitFor();
      await checkPage(trainee.page, 'assessment-sent');

      await signInAs(supervisor.page, 'supervisor');
      await openToAssess(supervisor.page, title, 'assessments-supervisor');
      const problemCriterion = supervisor.page
        .locator('.app-criterion')
        .filter({ hasText: 'Problem statement and context' });
      await problemCriterion.getByText('three days').first().waitFor();
      await checkPage(supervisor.page, 'assessment-assess');

      await problemCriterion.getByLabel('Below expectations').check();
      await supervisor.page.getByRole('button', { name: 'Save draft' }).click();
      await supervisor.page.getByText(/Draft saved at \d\d:\d\d/).waitFor();
      await supervisor.page.getByRole('button', { name: 'Return for revision' }).click();
      await supervisor.page
        .getByLabel('What should the trainee change?')
        .fill('Add the baseline data for the last month.');
      await supervisor.page.getByRole('button', { name: 'Return for revision' }).click();
      await supervisor.page.getByText('You have returned this assessment for revision').waitFor();
      await checkPage(supervisor.page, 'assessment-returned-supervisor');

      await trainee.page.goto(assessmentUrl);
      await trainee.page.getByText('Add the baseline data for the last month.').first().waitFor();
      await trainee.page.getByText('Returned for revision', { exact: true }).first().waitFor();
      await trainee.page
        .getByLabel('Baseline data and diagnosis', { exact: true })
        .fill('In October 212 letters took a median of 3.1 days.');
      await waitUntilSaved(trainee.page);
      await checkPage(trainee.page, 'assessment-returned-trainee');
      await trainee.page.getByLabel('My educational supervisor').check();
      await trainee.page.getByRole('button', { name: 'Send for assessment' }).click();
      await trainee.page.getByText('Your assessment has been sent').waitFor();

      await openToAssess(supervisor.page, title);
      await supervisor.page.getByText('In October 212 letters took a median of 3.1 days.').waitFor();
      // The criteria settle once the framework's elements have loaded: rate them then.
      await supervisor.page.waitForLoadState('networkidle');
      for (const criterion of await supervisor.page.locator('.app-criterion').all()) {
        await criterion.getByLabel('Meets expectations').check();
      }
      await supervisor.page.getByLabel('Satisfactory: ready to sign off').check();
      await supervisor.page.getByLabel('Feedback for the trainee').fill('A clear, costed plan. Start with one ward.');
      const signed = supervisor.page.waitForResponse((response) => response.url().endsWith('/sign-off'));
      await supervisor.page.getByRole('button', { name: 'Sign off' }).click();
      const signOff = await signed;
      expect(signOff.status()).toBe(201);
      expect(signOff.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      await supervisor.page.getByText('You have signed off this assessment').waitFor();
      const signature = supervisor.page.locator('.app-signature');
      expect((await signature.locator('.app-hash').innerText()).trim()).toMatch(sha256Pattern);
      await signature.getByText('Dr Tom Evans, educational supervisor').waitFor();
      await checkPage(supervisor.page, 'assessment-signed');

      await trainee.page.goto(assessmentUrl);
      await trainee.page.getByText('Signed off', { exact: true }).first().waitFor();
      await trainee.page
        .locator('.app-rounds__item')
        .nth(1)
        .getByText(/Signed off by Dr Tom Evans/)
        .waitFor();
      await checkPage(trainee.page, 'assessment-signed-trainee');

      // The signed plan evidences 3.2 Managing Resources: the supervisor signs the element off on it.
      const me = (await (await trainee.page.request.get(appUrl('/api/auth/me'))).json()) as { id: string };
      await supervisor.page.goto(appUrl(`/trainees/${me.id}`));
      await supervisor.page.getByRole('link', { name: /^Sign off\s+element 3\.2$/ }).click();
      await supervisor.page.getByRole('heading', { level: 1, name: '3.2 Managing Resources' }).waitFor();
      // The plan itself is in the evidence list too, as the work the assessment assessed: cite the assessment.
      await supervisor.page
        .getByRole('checkbox', { name: title })
        .and(supervisor.page.locator('[name="assessmentIds"]'))
        .first()
        .check();
      await supervisor.page.getByRole('button', { name: 'Sign off element 3.2' }).click();
      await supervisor.page.getByText('Assessments cited').waitFor();

      await trainee.page.goto(appUrl('/dashboard'));
      const tile = trainee.page.locator('[data-element="3.2"]');
      await tile.locator('.nhsuk-tag').filter({ hasText: 'Signed off' }).waitFor();

      expect(trainee.problems()).toEqual([]);
      expect(supervisor.problems()).toEqual([]);
    },
    journeyTimeoutMs,
  );

  it(
    'lets an external assessor sign off from the link in three actions, and refuses the link after',
    async () => {
      const trainee = await openPage(browser);
      const email = `rosa.field.${run}@hospital.example`;
      await signInAsJourneyTrainee(trainee.page);
      await sendCaseDiscussionByEmail(trainee.page, 'Bed meeting', email);
      await trainee.page.getByText('Not opened yet.', { exact: false }).waitFor();
      await trainee.page.getByRole('button', { name: 'Revoke link' }).waitFor();
      await checkPage(trainee.page, 'assessment-sent-external');
      const link = await ticketLinkFor(browser, email);

      // 1: open the link. Nobody is signed in.
      const assessor = await openPage(browser);
      await assessor.page.goto(link);
      await assessor.page.getByRole('heading', { level: 1, name: caseDiscussion }).waitFor();
      await assessor.page.getByText('Bed meeting: I chaired the bed meeting when flow failed.').waitFor();
      expect(new URL(assessor.page.url()).hash).toBe('');
      await checkPage(assessor.page, 'ticket');
      // 2: fill in the form.
      for (const element of await assessor.page.locator('.app-criterion').all()) {
        await element.getByLabel('Meets expectations').check();
      }
      await assessor.page.getByLabel('Meets expectations for the stage').check();
      await assessor.page.getByLabel('Agreed learning and actions').fill('Chair the next two bed meetings.');
      // 3: sign off.
      await assessor.page.getByRole('button', { name: 'Sign off' }).click();
      const panel = assessor.page.locator('.nhsuk-panel');
      await panel.getByRole('heading', { name: 'Assessment signed off' }).waitFor();
      expect((await assessor.page.locator('.app-hash').innerText()).trim()).toMatch(sha256Pattern);
      await checkPage(assessor.page, 'ticket-signed');

      const again = await openPage(browser, {
        expectedErrors: [{ status: 410, url: /\/api\/assessment-tickets\/redemption$/ }],
      });
      await again.page.goto(link);
      await again.page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
      await checkPage(again.page, 'ticket-refused');

      await trainee.page.reload();
      await trainee.page.getByText('Signed off', { exact: true }).first().waitFor();
      await trainee.page.locator('.app-signature').getByText('Ms Rosa Field, external assessor').waitFor();

      expect(trainee.problems()).toEqual([]);
      expect(assessor.problems()).toEqual([]);
      expect(again.problems()).toEqual([]);
    },
    journeyTimeoutMs,
  );

  it(
    'fits a phone screen: the list, the form, the assessor’s form and the link',
    async () => {
      const trainee = await openPage(browser, { viewport: phone });
      const supervisor = await openPage(browser, { viewport: phone });
      const email = `sam.ode.${run}@hospital.example`;
      await signInAsJourneyTrainee(trainee.page);

      await startAssessment(trainee.page, businessPlan);
      await writeBusinessPlan(trainee.page, `Fewer missed doses ${run}`);
      await waitUntilSaved(trainee.page);
      await trainee.page.getByLabel('A registered assessor').check();
      await trainee.page.getByLabel('Search by name').fill('Patel');
      await trainee.page.getByLabel('Sam Patel').check();
      await expectNoSidewaysScrolling(trainee.page);
      await checkPage(trainee.page, 'assessment-new-phone');
      await trainee.page.getByLabel('My educational supervisor').check();
      await trainee.page.getByRole('button', { name: 'Send for assessment' }).click();
      await trainee.page.getByText('Your assessment has been sent').waitFor();
      await expectNoSidewaysScrolling(trainee.page);
      await checkPage(trainee.page, 'assessment-sent-phone');

      await trainee.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Assessments' }).click();
      await trainee.page.getByRole('heading', { level: 2, name: 'Your assessments' }).waitFor();
      await trainee.page.locator('.app-assessment-table').waitFor();
      await expectNoSidewaysScrolling(trainee.page);
      await checkPage(trainee.page, 'assessments-phone');

      await signInAs(supervisor.page, 'supervisor');
      await supervisor.page.goto(appUrl('/assessments'));
      await supervisor.page.locator('.app-assessment-table').waitFor();
      await expectNoSidewaysScrolling(supervisor.page);
      await checkPage(supervisor.page, 'assessments-supervisor-phone');
      await openToAssess(supervisor.page, `Fewer missed doses ${run}`);
      await expectNoSidewaysScrolling(supervisor.page);
      await checkPage(supervisor.page, 'assessment-assess-phone');

      await sendCaseDiscussionByEmail(trainee.page, 'Rota gap', email);
      const assessor = await openPage(browser, { viewport: phone });
      const link = await ticketLinkFor(browser, email);
      await assessor.page.goto(link);
      await assessor.page.getByText('Rota gap: I chaired the bed meeting when flow failed.').waitFor();
      await expectNoSidewaysScrolling(assessor.page);
      await checkPage(assessor.page, 'ticket-phone');
      await assessor.page.getByRole('button', { name: 'Return for revision' }).click();
      await assessor.page.getByLabel('What should the trainee change?').fill('Say what you would do differently.');
      await assessor.page.getByRole('button', { name: 'Return for revision' }).click();
      await assessor.page.getByRole('heading', { name: 'Assessment returned for revision' }).waitFor();
      await expectNoSidewaysScrolling(assessor.page);
      await checkPage(assessor.page, 'ticket-returned-phone');

      const again = await openPage(browser, {
        viewport: phone,
        expectedErrors: [{ status: 410, url: /\/api\/assessment-tickets\/redemption$/ }],
      });
      await again.page.goto(link);
      await again.page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
      await expectNoSidewaysScrolling(again.page);
      await checkPage(again.page, 'ticket-refused-phone');

      expect(trainee.problems()).toEqual([]);
      expect(supervisor.problems()).toEqual([]);
      expect(assessor.problems()).toEqual([]);
      expect(again.problems()).toEqual([]);
    },
    journeyTimeoutMs,
  );
});
