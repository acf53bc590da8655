import type { IntegrationEvent } from '@salesos/contracts';
import { createTestDatabase } from '@salesos/event-store/testing';
import { silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { salesStory } from '../testing/sales-story.fixture';
import { type IntegrationEventHistory, ListedEventHistory } from './integration-event-history.port';
import { ProjectionRebuilder, RebuildInProgressError, type RebuildProgress } from './projection-rebuild';
import { reportingProjections } from './projections-consumer';
import { openReportingDatabase, type ReportingDatabase } from './reporting-database';
import { dumpTables, replay } from './replay';

jest.setTimeout(30_000);

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

/** A history that grows while it is read, as the store does while the services keep working. */
class GrowingHistory implements IntegrationEventHistory {
  private readonly listed: IntegrationEvent[];
  private pagesRead = 0;

  constructor(
    initial: IntegrationEvent[],
    private readonly later: IntegrationEvent[],
    private readonly whenAppended: (events: IntegrationEvent[]) => Promise<void>,
  ) {
    this.listed = [...initial];
  }

  async read(after: bigint, maxCount: number) {
    this.pagesRead += 1;
    if (this.pagesRead === 2) {
      this.listed.push(...this.later);
      await this.whenAppended(this.later);
    }
    return new ListedEventHistory(this.listed).read(after, Math.min(maxCount, 5));
  }

  remaining(after: bigint) {
    return new ListedEventHistory(this.listed).remaining(after);
  }
}

describe.each(engines)('projection rebuild on $name', (engine) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  let ids = 0;

  beforeEach(async () => {
    const opened = await engine.open();
    drop = opened.drop;
    dataSource = await openReportingDatabase(opened.database);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await drop();
  });

  const rebuilder = (history: IntegrationEventHistory) =>
    new ProjectionRebuilder(dataSource, history, silentLogger, () => `rebuild-${(ids += 1)}`);

  it('replaces damaged tables with a recomputation from the history, reporting progress', async () => {
    const { leads, opportunities } = salesStory();
    const events = [...leads, ...opportunities];
    await replay(dataSource, events);
    const healthy = await dumpTables(dataSource, reportingProjections);
    await dataSource.query("DELETE FROM rpt_opportunity WHERE opportunity_id = 'O3'");
    await dataSource.query("UPDATE rpt_lead SET source = 'tampered'");

    const seen: RebuildProgress[] = [];
    const { progress, done } = rebuilder(new ListedEventHistory(events)).start('all', (step) => seen.push(step));
    expect(progress).toMatchObject({ status: 'running', projection: 'all', eventsDone: 0 });
    const final = await done;
    expect(final).toMatchObject({
      status: 'done',
      phase: 'finished',
      eventsDone: events.length,
      eventsTotal: events.length,
    });
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(healthy);
    expect(seen.map((step) => step.phase)).toEqual(['building', 'swapping', 'catching-up']);
    expect(seen[0]).toMatchObject({ eventsDone: events.length, secondsLeft: 0 });
    const leftovers = await dataSource.query<unknown[]>(
      engine.name === 'SQLite'
        ? "SELECT name FROM sqlite_master WHERE name LIKE 'rb\\_%' ESCAPE '\\'"
        : "SELECT tablename FROM pg_tables WHERE tablename LIKE 'rb\\_%'",
    );
    expect(leftovers).toEqual([]);
  });

  it('keeps the events the services store while it runs, applied live and replayed after the swap', async () => {
    const { leads, opportunities } = salesStory();
    const all = [...leads, ...opportunities];
    const [early, late] = [all.slice(0, 12), all.slice(12)];
    await replay(dataSource, early);
    const history = new GrowingHistory(early, late, (events) => replay(dataSource, events));
    const final = await rebuilder(history).start('pipeline').done;
    expect(final.status).toBe('done');

    const fresh = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    await replay(fresh, all);
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(await dumpTables(fresh, reportingProjections));
    await fresh.destroy();
  });

  it('runs one rebuild at a time, and reports a failure without touching the live tables', async () => {
    const { leads, opportunities } = salesStory();
    const events = [...leads, ...opportunities];
    await replay(dataSource, events);
    const before = await dumpTables(dataSource, reportingProjections);
    const runner = rebuilder(new ListedEventHistory(events));
    const first = runner.start('all');
    expect(() => runner.start('lead-funnel')).toThrow(RebuildInProgressError);
    await first.done;

    const broken: IntegrationEventHistory = {
      read: () => Promise.reject(new Error('event store unreachable')),
      remaining: () => Promise.resolve(undefined),
    };
    const failed = await rebuilder(broken).start('all').done;
    expect(failed).toMatchObject({ status: 'failed', error: 'event store unreachable' });
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(before);
  });
});
