import request from 'supertest';

import type { FrameworkSummary, FrameworkTree } from '@portfolio/contracts';

import { type TestApp, createTestApp } from '../../test/test-app';

describe('framework API on PostgreSQL', () => {
  let testApp: TestApp;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    testApp = await createTestApp();
    http = request(testApp.app.getHttpServer());
  });

  afterAll(() => testApp.close());

  it('lists the current version of every framework with its counts', async () => {
    const response = await http.get('/api/frameworks').expect(200);
    const frameworks = response.body as FrameworkSummary[];
    expect(frameworks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'mlcf',
          version: '2010',
          status: 'published',
          counts: { stages: 4, domains: 7, elements: 28 },
          versions: ['2010'],
        }),
        expect.objectContaining({
          key: 'healthcare-leadership-model',
          version: '2013',
          counts: { stages: 1, domains: 0, elements: 9 },
        }),
      ]),
    );
  });

  it('returns the MLCF as a tree: 4 stages, 7 domains, 28 elements with outcomes per stage', async () => {
    const response = await http.get('/api/frameworks/mlcf').expect(200);
    const mlcf = response.body as FrameworkTree;
    expect(mlcf.stages.map((stage) => stage.key)).toEqual([
      'undergraduate',
      'postgraduate',
      'continuing-practice',
      'senior-leadership',
    ]);
    expect(mlcf.domains.map((domain) => `${domain.code} ${domain.title}`)).toEqual([
      '1 Demonstrating Personal Qualities',
      '2 Working with Others',
      '3 Managing Services',
      '4 Improving Services',
      '5 Setting Direction',
      '6 Creating the Vision',
      '7 Delivering the Strategy',
    ]);
    const elements = mlcf.domains.flatMap((domain) => domain.elements);
    expect(elements).toHaveLength(28);
    expect(elements.map((element) => element.code).slice(0, 5)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1']);
    expect(elements.find((element) => element.code === '4.2')?.title).toBe('Critically Evaluating');

    const stagesOf = (code: string) =>
      elements.find((element) => element.code === code)?.outcomes.map((outcome) => outcome.stage);
    expect(stagesOf('3.2')).toEqual(['undergraduate', 'postgraduate', 'continuing-practice', 'senior-leadership']);
    expect(stagesOf('6.1')).toEqual(['senior-leadership']);
    expect(stagesOf('7.4')).toEqual(['senior-leadership']);
    for (const element of elements) {
      for (const outcome of element.outcomes) {
        expect(outcome.statements.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(mlcf.ungroupedElements).toEqual([]);
    expect(mlcf.ratingScale).toEqual([]);
  });

  it('holds a framework of another shape: ungrouped dimensions with a rating scale', async () => {
    const response = await http.get('/api/frameworks/healthcare-leadership-model').expect(200);
    const model = response.body as FrameworkTree;
    expect(model.domains).toEqual([]);
    expect(model.ungroupedElements.map((element) => element.title)).toEqual([
      'Inspiring shared purpose',
      'Leading with care',
      'Evaluating information',
      'Connecting our service',
      'Sharing the vision',
      'Engaging the team',
      'Holding to account',
      'Developing capability',
      'Influencing for results',
    ]);
    expect(model.ratingScale.map((level) => level.title)).toEqual(['Essential', 'Proficient', 'Strong', 'Exemplary']);
    expect(model.ungroupedElements[0]?.levelDescriptors.map((descriptor) => descriptor.level)).toEqual([
      'essential',
      'proficient',
      'strong',
      'exemplary',
    ]);
  });

  it('returns a named version, the same tree as the current one', async () => {
    const current = await http.get('/api/frameworks/mlcf').expect(200);
    const named = await http.get('/api/frameworks/mlcf/versions/2010').expect(200);
    expect(named.body).toEqual(current.body);
  });

  it('answers 404 with a clear message for an unknown framework or version', async () => {
    const unknownKey = await http.get('/api/frameworks/no-such-framework').expect(404);
    expect(unknownKey.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: "There is no framework with the key 'no-such-framework'.",
    });
    const unknownVersion = await http.get('/api/frameworks/mlcf/versions/1999').expect(404);
    expect(unknownVersion.body.message).toBe("Framework 'mlcf' has no version '1999'. Versions held: 2010.");
  });

  it('answers 400 naming the field for a malformed key or version', async () => {
    const badKey = await http.get('/api/frameworks/Not%20A%20Key').expect(400);
    expect(badKey.body.errors).toEqual([
      { field: 'key', message: 'key must be lower-case letters, digits, dots and hyphens (at most 64)' },
    ]);
    const badVersion = await http.get(`/api/frameworks/mlcf/versions/${'9'.repeat(40)}`).expect(400);
    expect(badVersion.body.errors).toEqual([
      { field: 'version', message: 'version must be letters, digits, dots and hyphens (at most 32)' },
    ]);
  });

  it('answers JSON 404 for an unknown API path rather than the web app', async () => {
    const response = await http.get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
