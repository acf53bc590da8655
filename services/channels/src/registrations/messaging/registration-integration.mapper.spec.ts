import { ContractRegistry, channelsContracts, type IntegrationEvent } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { RegistrationCommand } from '../domain/registration.commands';
import { registrationDecider } from '../domain/registration.decider';
import { mapRegistrationEvent } from './registration-integration.mapper';

type Step = Omit<RegistrationCommand, 'metadata'>;
const rule = 'first come';
const ids = (registrationId: string) => ({ registrationId, divisionId: 'north', dealerId: 'dealer-1' });

describe('registration integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);

  /** The stored events of a registration submitted with `details`, then taken through `steps` (each at its `now`). */
  async function registrationHistory(
    registrationId: string,
    details: { contactEmail?: string } = {},
    steps: Array<[Step, string]> = [],
  ) {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, registrationDecider);
    let n = 0;
    const run = (command: Step, now: string) =>
      handler.handle(`registration-${registrationId}`, {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now, divisionId: 'north' },
      } as RegistrationCommand);
    await run(
      {
        type: 'SubmitRegistration',
        data: { ...ids(registrationId), companyName: 'Brandt Maschinenbau AG', ...details, submittedBy: 'u-1' },
      },
      '2026-04-25T07:55:00.000Z',
    );
    for (const [command, now] of steps) await run(command, now);
    return (await store.readAll()).events;
  }

  /** Published, keyed by the registration, each valid against its contract. */
  function published(events: Awaited<ReturnType<typeof registrationHistory>>): IntegrationEvent[] {
    const integration = events.flatMap(mapRegistrationEvent);
    for (const event of integration) {
      expect(event.subject).toBe((event.data as { registrationId: string }).registrationId);
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
    }
    return integration;
  }

  const accept = (extra: Record<string, string> = {}): [Step, string] => [
    {
      type: 'RecordRegistrationAnswer',
      data: { answer: 'accepted', rule, decidedAt: '2026-04-25T08:00:00.000Z', ...extra },
    },
    '2026-04-25T08:00:01.000Z',
  ];

  it('publishes the submission as DealRegistrationSubmitted, keyed by the registration', async () => {
    const [submitted, ...rest] = published(
      await registrationHistory('reg-1', { contactEmail: 'einkauf@brandt.example' }),
    );
    expect(rest).toEqual([]);
    expect(submitted?.type).toBe('salesos.channels.DealRegistrationSubmitted.v1');
    expect(submitted?.data).toEqual({
      ...ids('reg-1'),
      companyName: 'Brandt Maschinenbau AG',
      contactEmail: 'einkauf@brandt.example',
      submittedAt: '2026-04-25T07:55:00.000Z',
    });
  });

  it('publishes the acceptance as recorded with the links the answer gave, not the progress, and the win', async () => {
    const events = published(
      await registrationHistory('reg-3', {}, [
        accept({ leadId: 'lead-3', opportunityId: 'opp-3', expiresOn: '2026-07-24' }),
        [
          {
            type: 'RecordRegistrationProgress',
            data: { opportunityId: 'opp-3', stage: 'proposal', at: '2026-05-02T09:00:00.000Z' },
          },
          '2026-05-02T09:00:01.000Z',
        ],
        [
          {
            type: 'RecordRegistrationOutcome',
            data: { outcome: 'won', opportunityId: 'opp-3', at: '2026-06-20T12:00:00.000Z' },
          },
          '2026-06-20T12:00:02.000Z',
        ],
      ]),
    );
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['salesos.channels.DealRegistrationSubmitted.v1', expect.anything()],
      [
        'salesos.channels.DealRegistrationAcceptanceRecorded.v1',
        {
          ...ids('reg-3'),
          rule,
          leadId: 'lead-3',
          opportunityId: 'opp-3',
          expiresOn: '2026-07-24',
          decidedAt: '2026-04-25T08:00:00.000Z',
          recordedAt: '2026-04-25T08:00:01.000Z',
        },
      ],
      [
        'salesos.channels.DealRegistrationWon.v1',
        { ...ids('reg-3'), opportunityId: 'opp-3', wonAt: '2026-06-20T12:00:00.000Z' },
      ],
    ]);
  });

  it('leaves out the links an acceptance did not give, and publishes a lost deal with its opportunity', async () => {
    const events = published(
      await registrationHistory('reg-4', {}, [
        accept(),
        [
          {
            type: 'RecordRegistrationOutcome',
            data: { outcome: 'lost', opportunityId: 'opp-4', at: '2026-06-22T15:00:00.000Z' },
          },
          '2026-06-22T15:00:00.000Z',
        ],
      ]),
    );
    expect(events.slice(1).map((event) => event.data)).toEqual([
      { ...ids('reg-4'), rule, decidedAt: '2026-04-25T08:00:00.000Z', recordedAt: '2026-04-25T08:00:01.000Z' },
      { ...ids('reg-4'), opportunityId: 'opp-4', lostAt: '2026-06-22T15:00:00.000Z' },
    ]);
    expect(events[2]?.type).toBe('salesos.channels.DealRegistrationLost.v1');
  });

  it('publishes a conflict as recorded, with the holders that came first', async () => {
    const [, conflict] = published(
      await registrationHistory('reg-5', {}, [
        [
          {
            type: 'RecordRegistrationAnswer',
            data: {
              answer: 'conflicted',
              rule,
              conflictingLeadIds: ['lead-9'],
              conflictingOpportunityIds: [],
              decidedAt: '2026-04-25T08:05:00.000Z',
            },
          },
          '2026-04-25T08:05:01.000Z',
        ],
      ]),
    );
    expect(conflict?.type).toBe('salesos.channels.DealRegistrationConflictRecorded.v1');
    expect(conflict?.data).toEqual({
      ...ids('reg-5'),
      rule,
      conflictingLeadIds: ['lead-9'],
      conflictingOpportunityIds: [],
      decidedAt: '2026-04-25T08:05:00.000Z',
      recordedAt: '2026-04-25T08:05:01.000Z',
    });
  });

  it('publishes a lapse with the last activity, when it fell due and when it was recorded', async () => {
    const [, , lapse] = published(
      await registrationHistory('reg-6', {}, [
        accept(),
        [
          { type: 'LapseRegistration', data: { at: '2026-05-27T10:00:00.000Z', lapseAfterDays: 30 } },
          '2026-05-27T10:00:00.000Z',
        ],
      ]),
    );
    expect(lapse?.type).toBe('salesos.channels.DealRegistrationLapsed.v1');
    expect(lapse?.data).toEqual({
      ...ids('reg-6'),
      lapseAfterDays: 30,
      lastActivityAt: '2026-04-25T08:00:00.000Z',
      dueAt: '2026-05-25T08:00:00.000Z',
      lapsedAt: '2026-05-27T10:00:00.000Z',
    });
  });

  it('leaves out the optional fields a registration does not have, and reads only registration streams', async () => {
    const [submitted] = await registrationHistory('reg-2');
    if (submitted === undefined) throw new Error('no submission');
    expect(mapRegistrationEvent(submitted)[0]?.data).toEqual({
      ...ids('reg-2'),
      companyName: 'Brandt Maschinenbau AG',
      submittedAt: '2026-04-25T07:55:00.000Z',
    });
    expect(
      mapRegistrationEvent({ ...submitted, metadata: { ...submitted.metadata, streamId: 'dealregistration-reg-2' } }),
    ).toEqual([]);
  });
});
