import { type IntegrationEvent, leadTopic, opportunityTopic, toEventRecord } from '@salesos/contracts';
import { createTestDatabase } from '@salesos/event-store/testing';
import { InProcessTransport, MessagingHealth, silentLogger, type TopicHistoryReader } from '@salesos/messaging';
import { ListedTopicHistory, waitUntil } from '@salesos/messaging/testing';
import type { DataSource } from 'typeorm';
import { openReportingDatabase, type ReportingDatabase } from '../reporting-database';
import { salesStory } from '../testing';
import { type RebuildProgress, RebuildInProgressError } from './application/projection-rebuilder';
import { ProjectionsConsumer, projectionsGroup } from './messaging/projections-consumer';
import { liveReadModels } from './projections/live-read-models';
import { dumpTables, replay } from './projections/replay';
import { reportingProjections } from './projections/reporting-projections';
import { createProjectionRebuilder } from './read-models.module';

jest.setTimeout(60_000);

const engines: Array<{
  name: string;
  open: () => Promise<{ database: ReportingDatabase; drop: () => Promise<void> }>;
}> = [
  {
    name: 'SQLite',
    open: () => Promise.resolve({ database: { kind: 'sqlite', filename: ':memory:' }, drop: () => Promise.resolve() }),
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const test = await createTestDatabase('rebuild');
      return { database: { kind: 'postgres', url: test.url }, drop: test.drop };
    },
  },
];

const topicOf = (event: IntegrationEvent): string =>
  event.type.includes('.Opportunity') ? opportunityTopic.name : leadTopic.name;

/** The tables a sequential application of every event gives: what any order of delivery must end with. */
async function sequentially(events: readonly IntegrationEvent[]) {
  const fresh = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
  try {
    await replay(fresh, events);
    return await dumpTables(fresh, reportingProjections);
  } finally {
    await fresh.destroy();
  }
}

/** A small deterministic random source, so that a failing case can be run again from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe.each(engines)('read model rebuild on $name', (engine) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let transport: InProcessTransport;
  let consumers: ProjectionsConsumer[];
  let ids = 0;

  beforeEach(async () => {
    const opened = await engine.open();
    drop = opened.drop;
    dataSource = await openReportingDatabase(opened.database);
    transport = new InProcessTransport({ maxBatchSize: 4 });
    await transport.ensureTopics([leadTopic, opportunityTopic]);
    consumers = [];
  });

  afterEach(async () => {
    for (const consumer of consumers) await consumer.onApplicationShutdown();
    await transport.close();
    await dataSource.destroy();
    await drop();
  });

  const startConsumer = (): ProjectionsConsumer => {
    const consumer = new ProjectionsConsumer(
      dataSource,
      liveReadModels,
      { transport },
      new MessagingHealth(),
      silentLogger,
    );
    consumer.onApplicationBootstrap();
    consumers.push(consumer);
    return consumer;
  };

  const publish = async (events: readonly IntegrationEvent[]): Promise<void> => {
    const producer = transport.producer();
    for (const event of events) await producer.send(topicOf(event), [toEventRecord(event)]);
  };

  const caughtUp = (consumer: ProjectionsConsumer) =>
    waitUntil(async () => (await consumer.runner.lag()) === 0, 20_000, 'the live consumer to catch up');

  const rebuilder = (history: (topics: readonly string[]) => TopicHistoryReader) =>
    createProjectionRebuilder({ dataSource, history, logger: silentLogger, newId: () => `rebuild-${(ids += 1)}` });

  const leftovers = () =>
    dataSource.query<unknown[]>(
      engine.name === 'SQLite'
        ? "SELECT name FROM sqlite_master WHERE name LIKE 'rb\\_%' ESCAPE '\\'"
        : "SELECT tablename FROM pg_tables WHERE tablename LIKE 'rb\\_%'",
    );

  it('replaces damaged tables with a recomputation from the topics, reporting progress', async () => {
    const { leads, opportunities } = salesStory();
    const events = [...leads, ...opportunities];
    await replay(dataSource, events);
    const healthy = await dumpTables(dataSource, reportingProjections);
    await dataSource.query("DELETE FROM rpt_opportunity WHERE opportunity_id = 'O3'");
    await dataSource.query("UPDATE rpt_lead SET source = 'tampered'");

    const seen: RebuildProgress[] = [];
    const reader = new ListedTopicHistory(events);
    const { progress, done } = rebuilder(() => reader).start('all', (step) => seen.push(step));
    expect(progress).toMatchObject({ status: 'running', projection: 'all', eventsDone: 0 });
    const final = await done;
    expect(final).toMatchObject({
      status: 'done',
      phase: 'finished',
      eventsDone: events.length,
      eventsTotal: events.length,
      eventsSkipped: 0,
      secondsLeft: 0,
    });
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(healthy);
    expect(seen.map((step) => step.phase)).toEqual(['building', 'swapping']);
    expect(seen[0]).toMatchObject({ eventsDone: events.length, secondsLeft: 0 });
    expect(await leftovers()).toEqual([]);
    expect(reader.closed).toBe(true);
  });

  it('keeps the live consumer applying what is published during the rebuild, and loses nothing at the swap', async () => {
    const { leads, opportunities } = salesStory();
    const all = [...leads, ...opportunities];
    const [early, during, held, late, after] = [
      all.slice(0, 12),
      all.slice(12, 18),
      all.slice(18, 23),
      all.slice(23, 28),
      all.slice(28),
    ];
    const live = startConsumer();
    await publish(early);
    await caughtUp(live);
    await dataSource.query("UPDATE rpt_lead SET source = 'tampered'");

    const history = (topics: readonly string[]): TopicHistoryReader => {
      const inner = transport.history(topics);
      let pages = 0;
      let reachedEnd = false;
      let swapping = 0;
      return {
        next: async (maxCount) => {
          pages += 1;
          // While the new tables are built, the live consumer goes on with the old ones.
          if (pages === 2) {
            await publish(during);
            await caughtUp(live);
          }
          const catchingUp = reachedEnd;
          // Inside the swap: the live consumer receives these and waits; the rebuild reads them to the end.
          if (catchingUp && (swapping += 1) === 1) await publish(held);
          const page = await inner.next(Math.min(maxCount, 5));
          if (catchingUp && page.isEnd) {
            // Published after the rebuild's last read, before its swap commits: the live consumer must apply these
            // to the new tables, so it may not commit them to the old ones meanwhile.
            await publish(late);
            await waitUntil(async () => (await live.runner.lag()) === 0, 500).catch(() => undefined);
          }
          reachedEnd ||= page.isEnd;
          return page;
        },
        remaining: () => inner.remaining(),
        close: () => inner.close(),
      };
    };
    const final = await rebuilder(history).start('all').done;
    expect(final).toMatchObject({
      status: 'done',
      eventsSkipped: 0,
      eventsDone: early.length + during.length + held.length,
    });
    expect(final.liveHeldMs).toBeGreaterThanOrEqual(0);

    await publish(after);
    await caughtUp(live);
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(await sequentially(all));
    // Every event counts once: the live consumer skipped what the rebuild had applied.
    const [row] = await dataSource.query<Array<{ count: string | number }>>(
      'SELECT COUNT(*) AS count FROM messaging_inbox WHERE consumer_group = $1'.replace(
        '$1',
        engine.name === 'SQLite' ? '?' : '$1',
      ),
      [projectionsGroup.groupId],
    );
    expect(Number(row?.count)).toBe(new Set(all.map((event) => event.id)).size);
    expect(live.runner.status().duplicates).toBeGreaterThanOrEqual(held.length);
  });

  it('runs one rebuild at a time, and a failure leaves the live tables as they were and nothing beside them', async () => {
    const { leads, opportunities } = salesStory();
    const events = [...leads, ...opportunities];
    await replay(dataSource, events);
    const before = await dumpTables(dataSource, reportingProjections);
    const runner = rebuilder(() => new ListedTopicHistory(events));
    const first = runner.start('all');
    expect(() => runner.start('lead-funnel')).toThrow(RebuildInProgressError);
    await first.done;

    const broken = new ListedTopicHistory(events, 5);
    broken.beforePage = (page) => {
      if (page === 3) broken.failure = new Error('broker unreachable');
    };
    const failed = await rebuilder(() => broken).start('all').done;
    expect(failed).toMatchObject({ status: 'failed', error: 'broker unreachable' });
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(before);
    expect(await leftovers()).toEqual([]);
    expect(broken.closed).toBe(true);
  });

  it('skips events breaking their contract and events delivered twice, as the live consumer does', async () => {
    const { leads, opportunities } = salesStory();
    const events = [...leads, ...opportunities];
    const broken = { ...(leads[0] as IntegrationEvent), id: 'broken-1', data: { leadId: 42 } };
    const history = new ListedTopicHistory([...events.slice(0, 10), broken, ...events.slice(5)]);
    const final = await rebuilder(() => history).start('all').done;
    expect(final).toMatchObject({ status: 'done', eventsDone: events.length + 6, eventsSkipped: 6 });
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(await sequentially(events));
  });

  it.each([11, 23, 37, 41, 59])(
    'ends with the tables of a sequential application under random delivery, restarts and a rebuild (seed %i)',
    async (seed) => {
      const next = random(seed);
      const { leads, opportunities } = salesStory();
      const all = [...leads, ...opportunities];
      // Each topic keeps its order; the two are interleaved at random, and some events are published twice.
      const queues = [[...leads], [...opportunities]];
      const published: IntegrationEvent[] = [];
      while (queues.some((queue) => queue.length > 0)) {
        const queue = queues.filter((candidate) => candidate.length > 0)[Math.floor(next() * 2) % 2] ?? queues[0];
        const event = queue?.shift();
        if (event === undefined) continue;
        published.push(event);
        if (next() < 0.2) published.push(event);
      }
      // Two members of the group, so the two topics' batches run in concurrent transactions.
      let members = [startConsumer(), startConsumer()];
      const rebuildAt = Math.floor(next() * published.length);
      const restartAt = Math.floor(next() * published.length);
      let rebuilding: Promise<RebuildProgress> | undefined;
      for (let index = 0; index < published.length; index += 1) {
        await publish([published[index] as IntegrationEvent]);
        if (index === restartAt) {
          const [stopped] = members;
          await stopped?.onApplicationShutdown();
          members = [members[1] as ProjectionsConsumer, startConsumer()];
        }
        if (index === rebuildAt) {
          rebuilding = rebuilder((topics) => transport.history(topics)).start('all').done;
        }
      }
      const final = await rebuilding;
      expect(final?.status).toBe('done');
      for (const member of members) await caughtUp(member);
      expect(await dumpTables(dataSource, reportingProjections)).toEqual(await sequentially(all));
    },
  );
});
