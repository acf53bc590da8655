import { dealRegistrationTopic, type IntegrationEvent, toEventRecord } from '@salesos/contracts';
import { createTestDatabase, type TestDatabase } from '@salesos/event-store/testing';
import { InProcessTransport, MessagingHealth, silentLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import { registrationStory, salesStory, storyEvent } from '../testing';
import { openReportingDatabase, type ReportingDatabase } from '../reporting-database';
import { readModelMigrations } from '.';
import { ProjectionsConsumer } from './messaging/projections-consumer';
import { AddReportingColumns1764400000000 } from './projections/reporting-columns.migration';
import { liveReadModels } from './projections/live-read-models';
import { dumpTables, replay } from './projections/replay';
import { liveTables } from './projections/read-model-tables';
import { applyBatch, reportingProjections } from './projections/reporting-projections';

jest.setTimeout(30_000);

type Engine = { name: string; open: () => Promise<{ database: ReportingDatabase; drop: () => Promise<void> }> };

const engines: Engine[] = [
  {
    name: 'SQLite',
    open: () => Promise.resolve({ database: { kind: 'sqlite', filename: ':memory:' }, drop: () => Promise.resolve() }),
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const test: TestDatabase = await createTestDatabase('reporting');
      return { database: { kind: 'postgres', url: test.url }, drop: test.drop };
    },
  },
];

describe.each(engines)('reporting projections on $name', (engine) => {
  const opened: Array<{ dataSource: DataSource; drop: () => Promise<void> }> = [];
  const open = async (): Promise<DataSource> => {
    const { database, drop } = await engine.open();
    const dataSource = await openReportingDatabase(database);
    opened.push({ dataSource, drop });
    return dataSource;
  };

  afterEach(async () => {
    for (const { dataSource, drop } of opened.splice(0)) {
      await dataSource.destroy();
      await drop();
    }
  });

  async function consumeThroughTransport(dataSource: DataSource, records: IntegrationEvent[]): Promise<void> {
    const transport = new InProcessTransport();
    const consumer = new ProjectionsConsumer(
      dataSource,
      liveReadModels,
      { transport },
      new MessagingHealth(),
      silentLogger,
    );
    consumer.onApplicationBootstrap();
    const producer = transport.producer();
    for (const event of records) {
      const topic = event.type.includes('.DealRegistration')
        ? dealRegistrationTopic.name
        : event.type.includes('.Opportunity')
          ? 'salesos.leads.opportunity'
          : 'salesos.leads.lead';
      await producer.send(topic, [toEventRecord(event)]);
    }
    const expected = new Set(records.map((event) => event.id)).size;
    for (let attempt = 0; attempt < 300 && consumer.runner.status().processed < expected; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await consumer.onApplicationShutdown();
    expect(consumer.runner.status()).toMatchObject({ processed: expected, deadLettered: 0 });
  }

  it('equal a fresh recomputation from the raw events, with every event delivered twice and the topics interleaved', async () => {
    const { leads, opportunities } = salesStory();
    const recomputed = await open();
    await replay(
      recomputed,
      [...leads, ...opportunities].sort((a, b) => a.time.localeCompare(b.time)),
    );

    const consumed = await open();
    // Opportunities first: each one's lead arrives after it, as it may when the two topics are read at once.
    const interleaved = [...opportunities, ...leads].flatMap((event) => [event, event]);
    await consumeThroughTransport(consumed, interleaved);

    const expected = await dumpTables(recomputed, reportingProjections);
    expect(await dumpTables(consumed, reportingProjections)).toEqual(expected);
    expect(expected.rpt_opportunity).toHaveLength(8);
    expect(expected.rpt_stage_transition).toHaveLength(13);
    expect(expected.rpt_lead).toHaveLength(4);
    expect(
      expected.rpt_opportunity?.find((row) => (row as { opportunity_id: string }).opportunity_id === 'O1'),
    ).toMatchObject({
      status: 'won',
      amount: 12_000,
      source: 'referral',
      segment_ids: '["S1"]',
    });
  });

  it("keep the dealers' deal registrations once each, with every event delivered twice", async () => {
    const recomputed = await open();
    await replay(recomputed, registrationStory());
    const consumed = await open();
    await consumeThroughTransport(
      consumed,
      registrationStory().flatMap((event) => [event, event]),
    );
    const expected = await dumpTables(recomputed, reportingProjections);
    expect(await dumpTables(consumed, reportingProjections)).toEqual(expected);
    expect(expected.rpt_deal_registration).toHaveLength(10);
  });

  it('change nothing when the same events are replayed again', async () => {
    const { leads, opportunities } = salesStory();
    const dataSource = await open();
    const events = [...leads, ...opportunities];
    await replay(dataSource, events);
    const once = await dumpTables(dataSource, reportingProjections);
    await replay(dataSource, events);
    expect(await dumpTables(dataSource, reportingProjections)).toEqual(once);
  });

  it('get the columns of a later migration filled from the rows the tables held before it', async () => {
    const { leads, opportunities } = salesStory();
    const dataSource = await open();
    await replay(dataSource, [...leads, ...opportunities]);
    // Day fractions come from the engine's date arithmetic here and from the projection otherwise.
    const comparable = async () =>
      Object.fromEntries(
        Object.entries(await dumpTables(dataSource, reportingProjections)).map(([table, rows]) => [
          table,
          rows.map((row) => {
            // The team is not in the rows a table held before; it fills as leads are assigned again.
            const { dwell_days: days, team_id: _team, ...rest } = row as { dwell_days?: number; team_id?: string };
            return days === undefined ? rest : { ...rest, dwell_days: Math.round(Number(days) * 1e6) / 1e6 };
          }),
        ]),
      );
    const projected = await comparable();
    // Back to before the columns of contracts 1.3.0 and the deal's forecast_since, undoing every migration since.
    const since = readModelMigrations.length - readModelMigrations.indexOf(AddReportingColumns1764400000000);
    for (let undone = 0; undone < since; undone += 1) await dataSource.undoLastMigration();
    const hasRegistrations = async () => {
      const runner = dataSource.createQueryRunner();
      try {
        return await runner.hasTable('rpt_deal_registration');
      } finally {
        await runner.release();
      }
    };
    expect(await hasRegistrations()).toBe(false);
    for (const column of ['reopen_count', 'forecast_since']) {
      expect(await dataSource.query('SELECT * FROM rpt_opportunity')).not.toContainEqual(
        expect.objectContaining({ [column]: expect.anything() as unknown }),
      );
    }
    await dataSource.runMigrations();
    expect(await hasRegistrations()).toBe(true);
    expect(await comparable()).toEqual(projected);
    expect(projected.rpt_opportunity).toContainEqual(expect.objectContaining({ reopen_count: 1 }));
    // E2 was won, reopened and won again on 30 January: its forecast is the last win's.
    expect(projected.rpt_opportunity).toContainEqual(
      expect.objectContaining({ opportunity_id: 'E2', forecast_since: '2026-01-30T00:00:00.000Z' }),
    );
    expect(await dataSource.query('SELECT team_id FROM rpt_lead WHERE team_id IS NOT NULL')).toEqual([]);
    expect(projected.rpt_opportunity).toContainEqual(
      expect.objectContaining({ status: 'won', closed_settled_at: expect.stringMatching(/Z$/) as unknown }),
    );
  });

  it('keep the division on every row', async () => {
    const { leads, opportunities } = salesStory();
    const dataSource = await open();
    await replay(dataSource, [...leads, ...opportunities]);
    const dump = await dumpTables(dataSource, reportingProjections);
    for (const rows of Object.values(dump)) {
      for (const row of rows)
        expect(['north', 'south', 'east']).toContain((row as { division_id: string }).division_id);
    }
  });
});

describe('reporting projections on PostgreSQL, a lead and its deal in concurrent batches', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeEach(async () => {
    const test = await createTestDatabase('reporting_race');
    drop = test.drop;
    dataSource = await openReportingDatabase({ kind: 'postgres', url: test.url });
  });

  afterEach(async () => {
    await dataSource.destroy();
    await drop();
  });

  it('keeps both changes when a lead is assigned while its deal moves', async () => {
    await replay(dataSource, [
      storyEvent.captured('L9', 'fair', [], '01-05'),
      storyEvent.opened('O9', 'Acme', 1000, '01-06', { leadId: 'L9' }),
    ]);
    let dealMoved: Promise<void> | undefined;
    await dataSource.transaction(async (tx) => {
      await applyBatch(tx, liveTables, [storyEvent.assigned('L9', 'rep-1', 'team-a', '01-07')]);
      // The deal's topic goes on while the lead's batch has not committed yet.
      dealMoved = dataSource.transaction((other) =>
        applyBatch(other, liveTables, [storyEvent.moved('O9', 'prospecting', 'proposal', 0.5, '01-08')]),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await dealMoved;
    const [deal] = await dataSource.query<Array<{ stage_id: string; team_id: string | null }>>(
      "SELECT stage_id, team_id FROM rpt_opportunity WHERE opportunity_id = 'O9'",
    );
    expect(deal).toEqual({ stage_id: 'proposal', team_id: 'team-a' });
  });
});
