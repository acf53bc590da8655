import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { asUser, bearer } from '@salesos/auth/testing';
import type { MemoryEventStore } from '@salesos/event-store';
import { type ApiOperation, operationsOf, routeOf } from './testing/api-operations';
import { AnswerTally, faultsOfAnswer } from './testing/api-answers';
import { describeRequest, type FuzzContext, type FuzzRequest, requestsFor } from './testing/api-requests';
import { dealRequest } from './testing/deal-request';
import { servedRoutes, startTestPlatform } from './testing/test-platform';

/**
 * Property-based fuzzing of every operation the platform's OpenAPI document declares: requests generated from the
 * document and twisted (nulls, wrong types, missing and unknown fields, odd text, numbers and dates, broken and
 * oversized bodies, odd headers and query parameters, real and made-up ids), sent one at a time. Every answer must be
 * below 500 and declared by the document; every refusal problem details with its status and title (a 400 naming a
 * field), and none may have changed the event store. `FUZZ_SEED` replays a run, `FUZZ_RUNS` sets its size,
 * `FUZZ_STATS` prints the answers by route.
 */
const runsPerOperation = Number(process.env.FUZZ_RUNS ?? 80);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

jest.setTimeout(120_000);

const north = 'north';
const callers = {
  manager: asUser('manager-north', 'division-manager', north),
  rep: asUser('rep-north', 'rep', north),
  dealer: asUser('dealer-north', 'dealer', north, { dealerId: 'dealer-north' }),
  analyst: asUser('analyst-north', 'analyst', north),
  admin: bearer({ userId: 'admin-1', roles: ['admin'] }),
  nobody: {},
};

/** Mostly a caller the operation is for; now and then one it is not for, or none. */
function callerFor(operation: ApiOperation): fc.Arbitrary<Record<string, string>> {
  if (operation.roles === undefined) return fc.constantFrom(callers.nobody, callers.manager);
  const usual = operation.roles.includes('division-manager') ? callers.manager : callers.admin;
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(usual) },
    { weight: 1, arbitrary: fc.constantFrom(callers.rep, callers.dealer, callers.analyst, callers.manager) },
    { weight: 1, arbitrary: fc.constant(callers.nobody) },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fuzzing every operation of the API description', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let operations: ApiOperation[];
  let context: FuzzContext;
  let cursor = 0n;
  const answers = new AnswerTally();
  const http = () => request(app.getHttpServer());

  /** The store's last global position. */
  async function head(): Promise<bigint> {
    for (;;) {
      const page = await store.readAll({ after: cursor, maxCount: 1000 });
      if (page.lastScannedPosition > cursor) cursor = page.lastScannedPosition;
      if (page.isEnd) return cursor;
    }
  }

  /** Waits out what an accepted request set going in the background: rematching leads, importing rows. */
  async function settle(fuzzed: FuzzRequest, location: string | undefined): Promise<void> {
    if (!/^\/(segments|leads\/imports)/.test(fuzzed.url)) return;
    for (let attempt = 0; location !== undefined && attempt < 200; attempt += 1) {
      const job = await http().get(location).set(callers.manager);
      if (job.body.status !== 'running') break;
      await sleep(10);
    }
    let quiet = 0;
    for (let last = await head(), attempt = 0; quiet < 3 && attempt < 200; attempt += 1) {
      await sleep(15);
      const now = await head();
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }

  function send(fuzzed: FuzzRequest) {
    const pending = http()[fuzzed.method](fuzzed.url).set(fuzzed.headers);
    return fuzzed.body === undefined ? pending : pending.send(fuzzed.body);
  }

  /** Sends one request and throws, with the request and the answer, when the answer is wrong. */
  async function check(operation: ApiOperation, fuzzed: FuzzRequest): Promise<void> {
    const before = await head();
    const response = await send(fuzzed);
    const { status } = response;
    answers.count(routeOf(operation), status);
    const faults = faultsOfAnswer(operation, status, String(response.headers['content-type'] ?? ''), response.text);
    if (status >= 400 && (await head()) !== before) {
      const { events } = await store.readAll({ after: before, maxCount: 20 });
      faults.push(
        `a refusal that stored ${events.map((event) => `${event.type} on ${event.metadata.streamId}`).join(', ')}`,
      );
    }
    if (status >= 200 && status < 300) await settle(fuzzed, response.headers.location);
    if (faults.length > 0) {
      throw new Error(`${faults.join('; ')}\n${describeRequest(fuzzed)}\n=> ${status} ${response.text.slice(0, 600)}`);
    }
  }

  beforeAll(async () => {
    ({ app, store } = await startTestPlatform());
    operations = operationsOf((await http().get('/docs/openapi.json')).body);
    const created = async (path: string, body: object | string, headers: Record<string, string> = callers.manager) => {
      const pending = http().post(path).set(headers);
      const response = await (typeof body === 'string'
        ? pending.set('Content-Type', 'text/csv').send(body)
        : pending.send(body));
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
      return response.body as Record<string, string>;
    };
    const lead = async (name: string) =>
      (await created('/leads', { source: 'web', contact: { name }, company: { name: `${name} Fuzz GmbH` } }))
        .leadId as string;
    const leads = [await lead('Ada'), await lead('Bo'), await lead('Cy'), await lead('Di'), await lead('Ed')];
    for (const leadId of leads.slice(3)) await created(`/leads/${leadId}/qualification`, {});
    const deal = async (name: string) =>
      (await created('/opportunities', dealRequest({ accountName: name }))).opportunityId as string;
    const opportunities = [await deal('Fuzz One'), await deal('Fuzz Two'), await deal('Fuzz Three')];
    await created(`/opportunities/${opportunities[2] as string}/loss`, { reason: 'price' });
    const segment = async (name: string) =>
      (await created('/segments', { name, criteria: { industries: ['machinery'] } })).segmentId as string;
    const segments = [await segment('Fuzz A'), await segment('Fuzz B')];
    const { importId } = await created(
      '/leads/imports',
      'source,company_name,contact_name\r\nweb,Imported Fuzz,Fi\r\n',
    );
    const { rebuildId } = await created('/admin/projections/pipeline/rebuild', {}, callers.admin);
    context = {
      ids: {
        leadId: leads,
        intoLeadId: leads,
        opportunityId: opportunities,
        segmentId: segments,
        pipelineId: ['new-business', 'upsell', 'fuzz-pipeline'],
        importId: [importId as string],
        rebuildId: [rebuildId as string],
        name: ['pipeline', 'lead-funnel', 'all'],
      },
      callerFor,
    };
    await settle({ twist: 'setup', method: 'post', url: '/segments', headers: {} }, undefined);
  });

  afterAll(async () => {
    await app.close();
  });

  it('covers every route the platform serves', () => {
    expect(operations.map(routeOf).sort()).toEqual(servedRoutes(app).sort());
  });

  it('answers every request below 500, as documented, refusing with problem details and changing nothing', async () => {
    const started = Date.now();
    const failures: string[] = [];
    for (const [index, operation] of operations.entries()) {
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(operation, context), (fuzzed) => check(operation, fuzzed)),
          { numRuns: runsPerOperation, seed: seed + index, endOnFailure: true },
        );
      } catch (error) {
        // fast-check reports the property's own error as the cause: what was wrong, the request and the answer.
        const { message, cause } = error as Error;
        failures.push(
          `${routeOf(operation)} (FUZZ_SEED=${seed}):\n${cause instanceof Error ? cause.message : ''}\n${message}`,
        );
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `API fuzz: ${operations.length} operations x ${runsPerOperation} requests in ${seconds} s, ` +
        `FUZZ_SEED=${seed}; answers ${answers.summary()}\n`,
    );
    if (process.env.FUZZ_STATS !== undefined) process.stdout.write(`  ${answers.routes().join('\n  ')}\n`);
    expect(failures).toEqual([]);
  });
});
