import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import request from 'supertest';

import { type TestApp, createTestApp, workspaceRoot } from '../test-app';
import { type FuzzCase, casesFor } from './fuzz-cases';
import { type Outcome, runCase } from './fuzz-runner';
import { type CallerName, FuzzWorld, callerFor } from './fuzz-world';
import { type OpenApiDocument, type Operation, operationsOf } from './openapi-document';
import { SeededRandom } from './seeded-random';

const findingsFile = join(workspaceRoot, 'test-output/fuzz/findings.txt');
const seed = Number(process.env['FUZZ_SEED'] ?? 20_260_611);

interface Finding {
  operation: string;
  caller: CallerName;
  fuzzCase: string;
  problem: string;
}

describe(`hostile input to every operation of the OpenAPI document (seed ${seed})`, () => {
  let testApp: TestApp;
  let port: number;
  let world: FuzzWorld;
  let operations: Operation[];

  beforeAll(async () => {
    testApp = await createTestApp({ seedFrameworks: true });
    await testApp.app.listen(0, '127.0.0.1');
    port = (testApp.app.getHttpServer().address() as AddressInfo).port;
    const document = (await request(testApp.app.getHttpServer()).get('/api/docs-json').expect(200))
      .body as OpenApiDocument;
    operations = operationsOf(document);
    world = await FuzzWorld.create(testApp);
  });

  afterAll(() => testApp?.close());

  it('answers every case with a clear 4xx or a success, never a 5xx, and stays up', async () => {
    const random = new SeededRandom(seed);
    const findings: Finding[] = [];
    const statusCounts = new Map<number, number>();
    const categoryCounts = new Map<string, number>();
    const timeByKind = new Map<string, number>();
    let sequence = 0;
    const started = Date.now();

    for (const operation of operations) {
      const callerName = callerFor(testApp.app, operation);
      const caller = world.callers.get(callerName);
      if (!caller) throw new Error(`no caller ${callerName}`);
      const cases: FuzzCase[] = casesFor(operation, random);
      for (const fuzzCase of cases) {
        sequence += 1;
        const caseStarted = Date.now();
        const outcome: Outcome = await runCase(port, world, operation, fuzzCase, caller, sequence);
        const kind = fuzzCase.label.replace(/^[^:]*: /, '');
        timeByKind.set(kind, (timeByKind.get(kind) ?? 0) + Date.now() - caseStarted);
        statusCounts.set(outcome.status, (statusCounts.get(outcome.status) ?? 0) + 1);
        categoryCounts.set(fuzzCase.category, (categoryCounts.get(fuzzCase.category) ?? 0) + 1);
        if (outcome.problem) {
          findings.push({
            operation: `${operation.method.toUpperCase()} ${operation.path}`,
            caller: callerName,
            fuzzCase: `${fuzzCase.category} ${fuzzCase.label}`,
            problem: outcome.problem,
          });
        }
        if (outcome.status === 401 || (outcome.status < 300 && operation.path.startsWith('/api/auth/'))) {
          await world.keepSignedIn(caller);
        }
      }
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `Fuzzed ${operations.length} operations with ${sequence} hostile requests in ${seconds} s (seed ${seed}).`,
        `By kind: ${[...categoryCounts].map(([category, count]) => `${category} ${count}`).join(', ')}.`,
        `Answers: ${[...statusCounts]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status} ×${count}`)
          .join(', ')}.`,
        `Slowest kinds: ${[...timeByKind]
          .sort(([, a], [, b]) => b - a)
          .slice(0, 8)
          .map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s`)
          .join(', ')}.`,
        `Findings: ${findings.length}${findings.length ? ` (all of them in ${findingsFile})` : ''}.`,
        ...groupFindings(findings),
      ].join('\n'),
    );
    mkdirSync(dirname(findingsFile), { recursive: true });
    writeFileSync(
      findingsFile,
      findings.map((f) => `${f.operation} as ${f.caller} [${f.fuzzCase}]: ${f.problem}`).join('\n') + '\n',
    );

    // The server is still up and answering, and nothing polluted Object.prototype.
    await request(testApp.app.getHttpServer()).get('/api/health').expect(200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(findings).toEqual([]);
    expect(operations.length).toBeGreaterThan(50);
  });
});

/** Findings grouped by what went wrong, each with how often and one operation it happened to. */
function groupFindings(findings: Finding[]): string[] {
  const groups = new Map<string, { count: number; example: string }>();
  for (const finding of findings) {
    const key = `[${finding.fuzzCase.replace(/^(\w+) [^:]*: /, '$1 ')}] ${finding.problem.slice(0, 120)}`;
    const group = groups.get(key) ?? { count: 0, example: `${finding.operation} as ${finding.caller}` };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, group]) => `  ×${group.count} ${key} (e.g. ${group.example})`);
}
