import { channelsContracts, DealRegistrationWonV1, dealRegistrationTopic } from '@salesos/contracts';
import type { DataSource } from 'typeorm';
import { openReportingDatabase } from '../../reporting-database';
import { registrationStory } from '../../testing';
import { dealRegistrationsProjection } from './deal-registrations.projection';
import { projectInMemory } from './released-examples';
import { dumpTables, replay } from './replay';

const rows = (dataSource: DataSource) =>
  dataSource.query<Array<Record<string, unknown>>>(
    `SELECT registration_id, dealer_id, submitted_at, answer, answered_at, outcome, closed_at, opportunity_id
     FROM rpt_deal_registration ORDER BY registration_id`,
  );

describe('deal registrations projection', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
  });
  afterEach(() => dataSource.destroy());

  it('keeps each registration where it stands: answered or waiting, and how an accepted one ended', async () => {
    await replay(dataSource, registrationStory());
    const byId: Record<string, Record<string, unknown>> = Object.fromEntries(
      (await rows(dataSource)).map((row) => [String(row.registration_id), row]),
    );
    expect(Object.keys(byId)).toHaveLength(10);
    expect(byId['ra-won']).toEqual({
      registration_id: 'ra-won',
      dealer_id: 'dealer-a',
      submitted_at: '2026-04-01T10:00:00.000Z',
      answer: 'accepted',
      answered_at: '2026-04-01T10:00:00.000Z',
      outcome: 'won',
      closed_at: '2026-06-15T10:00:00.000Z',
      opportunity_id: 'o2',
    });
    expect(byId['ra-lapsed']).toMatchObject({ answer: 'accepted', outcome: 'lapsed', opportunity_id: null });
    expect(byId['ra-conflict']).toMatchObject({ answer: 'conflicted', outcome: null, closed_at: null });
    expect(byId['ra-waiting']).toMatchObject({ answer: null, answered_at: null, outcome: null });
  });

  it('a redelivered event, and events arriving in another order, leave the same rows', async () => {
    const story = registrationStory();
    await replay(dataSource, story);
    const once = await dumpTables(dataSource, [dealRegistrationsProjection]);

    const twice = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    const reversed = await openReportingDatabase({ kind: 'sqlite', filename: ':memory:' });
    try {
      await replay(twice, [...story, ...story], undefined, 3);
      await replay(reversed, [...story].reverse(), undefined, 2);
      expect(await dumpTables(twice, [dealRegistrationsProjection])).toEqual(once);
      expect(await dumpTables(reversed, [dealRegistrationsProjection])).toEqual(once);
    } finally {
      await twice.destroy();
      await reversed.destroy();
    }
  });

  it('an outcome without its acceptance and submission (past the topic) still counts as accepted, dated by the event', async () => {
    const won = registrationStory().find(
      (event) => event.type === DealRegistrationWonV1.type && event.subject === 'rb-won',
    );
    if (won === undefined) throw new Error('no win of rb-won');
    await replay(dataSource, [won]);
    expect(await rows(dataSource)).toEqual([
      {
        registration_id: 'rb-won',
        dealer_id: 'dealer-b',
        submitted_at: '2026-05-01T10:00:00.000Z',
        answer: 'accepted',
        answered_at: null,
        outcome: 'won',
        closed_at: '2026-05-01T10:00:00.000Z',
        opportunity_id: 'o4',
      },
    ]);
  });

  it('takes the example of every registration contract, as the compatibility check feeds them', () => {
    const examples = channelsContracts
      .filter((contract) => contract.topic === dealRegistrationTopic)
      .map((contract, index) => ({
        id: `example-${index}`,
        type: contract.type,
        source: '/salesos/channels',
        subject: String(contract.example[contract.subjectField]),
        time: '2026-01-01T00:00:00.000Z',
        data: contract.example,
      }));
    expect(examples).toHaveLength(6);
    expect(projectInMemory(examples)).toEqual({ applied: 6 });
  });
});
