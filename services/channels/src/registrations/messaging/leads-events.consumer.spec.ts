import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  OpportunityChannelAttributedV1,
  OpportunityLostV1,
  OpportunityProductsChangedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import { asUser, testAuth } from '@salesos/auth/testing';
import { Clock } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { createChannelsApp } from '../../channels-app';
import { dealerPlanStreamId, planDecider } from '../../plans';
import { recordTestDealer } from '../../testing';
import { LeadsEventsConsumer } from './leads-events.consumer';
import { accepted, conflicted, leadsEvent, opened } from './leads-events.fixture';

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-06-10T12:00:00.000Z');
  }
}

const dealerUser = asUser('dealer-user-1', 'dealer', 'north', { dealerId: 'dealer-1' });
const manager = asUser('manager-7', 'division-manager', 'north');
const eur = (amount: number) => ({ amount, currency: 'EUR' });

const won = (opportunityId: string, changes: Record<string, unknown> = {}, id?: string) =>
  leadsEvent(
    OpportunityWonV1,
    opportunityId,
    {
      opportunityId,
      divisionId: 'north',
      amount: eur(48_000),
      channel: 'dealer',
      dealerId: 'dealer-1',
      wonAt: '2026-06-02T15:00:00.000Z',
      ...changes,
    },
    id,
  );

describe('what the channels service hears from the leads service', () => {
  let app: INestApplication;
  let store: MemoryEventStore;
  let consumer: LeadsEventsConsumer;
  let logger: { [K in keyof MessagingLogger]: jest.Mock };

  beforeEach(async () => {
    store = new MemoryEventStore();
    logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    app = await createChannelsApp({ auth: testAuth.verifier, store, clock: new FixedClock(), logger });
    await app.init();
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2' });
    consumer = app.get(LeadsEventsConsumer);
  });

  afterEach(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer() as Parameters<typeof request>[0]);
  const submit = (registrationId: string, companyName = 'Brandt Maschinenbau AG') =>
    http().post('/registrations').set(dealerUser).send({ registrationId, companyName }).expect(201);
  const read = async (registrationId: string) =>
    (await http().get(`/registrations/${registrationId}`).set(manager).expect(200)).body as Record<string, unknown>;
  const streamLength = async (streamId: string) => (await store.readStream(streamId)).length;

  it('records each answer once: a redelivery, or the same answer in another message, appends nothing', async () => {
    await submit('reg-1');
    await submit('reg-2', 'Keller GmbH');
    const acceptance = accepted('reg-1');
    await consumer.onAccepted(acceptance);
    await consumer.onAccepted(acceptance);
    await consumer.onAccepted(accepted('reg-1'));
    await consumer.onConflicted(conflicted('reg-2'));
    await consumer.onConflicted(conflicted('reg-2'));
    expect(await read('reg-1')).toMatchObject({ status: 'accepted', version: 2 });
    expect(await read('reg-2')).toMatchObject({ status: 'conflicted', version: 2 });
    expect(await streamLength('registration-reg-1')).toBe(2);
    expect(await streamLength('registration-reg-2')).toBe(2);
  });

  it('logs and skips an answer for a registration it does not know, or a contradicting one', async () => {
    await expect(consumer.onAccepted(accepted('reg-unknown'))).resolves.toBeUndefined();
    expect(await streamLength('registration-reg-unknown')).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      'leads event not recorded on a registration',
      expect.objectContaining({ subject: 'reg-unknown', code: 'REGISTRATION_NOT_FOUND' }),
    );
    await submit('reg-1');
    await consumer.onAccepted(accepted('reg-1'));
    await expect(consumer.onConflicted(conflicted('reg-1'))).resolves.toBeUndefined();
    expect(await read('reg-1')).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('follows the dealer’s deal of the registered company: opened and moved restart the lapse clock', async () => {
    await submit('reg-1');
    await consumer.onAccepted(accepted('reg-1'));
    // Another dealer's deal, and a deal of another company, are not the registration's.
    await consumer.onOpened(opened('opp-other-dealer', { dealerId: 'dealer-2' }));
    await consumer.onOpened(opened('opp-other-company', { accountName: 'Keller GmbH' }));
    expect(await read('reg-1')).toMatchObject({ version: 2 });
    await consumer.onOpened(opened('opp-1', { accountName: 'BRANDT Maschinenbau AG ' }));
    expect(await read('reg-1')).toMatchObject({
      status: 'accepted',
      opportunityId: 'opp-1',
      stage: 'prospecting',
      lapseDueAt: '2026-08-01T09:00:00.000Z',
    });
    const moved = leadsEvent(OpportunityStageChangedV1, 'opp-1', {
      opportunityId: 'opp-1',
      divisionId: 'north',
      pipelineId: 'new-business',
      fromStage: 'prospecting',
      toStage: 'proposal',
      probability: 0.5,
      amount: eur(50_000),
      changedAt: '2026-05-20T10:00:00.000Z',
    });
    await consumer.onStageChanged(moved);
    await consumer.onStageChanged(moved);
    expect(await read('reg-1')).toMatchObject({
      stage: 'proposal',
      lapseDueAt: '2026-08-18T10:00:00.000Z',
      version: 4,
    });
  });

  it('ties a deal attributed to the dealer later, and records the outcome: won, or lost', async () => {
    await submit('reg-1');
    await submit('reg-2', 'Keller GmbH');
    await consumer.onAccepted(accepted('reg-1'));
    await consumer.onAccepted(accepted('reg-2'));
    await consumer.onOpened(opened('opp-1', { channel: 'direct', dealerId: undefined }));
    expect(await read('reg-1')).toMatchObject({ version: 2 });
    await consumer.onChannelAttributed(
      leadsEvent(OpportunityChannelAttributedV1, 'opp-1', {
        opportunityId: 'opp-1',
        divisionId: 'north',
        channel: 'dealer',
        dealerId: 'dealer-1',
        attributedAt: '2026-05-10T09:00:00.000Z',
      }),
    );
    const win = won('opp-1');
    await consumer.onWon(win);
    await consumer.onWon(win);
    expect(await read('reg-1')).toMatchObject({
      status: 'won',
      opportunityId: 'opp-1',
      closedAt: '2026-06-02T15:00:00.000Z',
      version: 3,
    });
    await consumer.onOpened(opened('opp-2', { accountName: 'Keller GmbH' }));
    await consumer.onLost(
      leadsEvent(OpportunityLostV1, 'opp-2', {
        opportunityId: 'opp-2',
        divisionId: 'north',
        reason: 'competitor',
        lostAt: '2026-06-05T12:00:00.000Z',
      }),
    );
    expect(await read('reg-2')).toMatchObject({ status: 'lost', opportunityId: 'opp-2' });
    // A deal of no registration is nobody's news here.
    await expect(
      consumer.onLost(
        leadsEvent(OpportunityLostV1, 'opp-9', {
          opportunityId: 'opp-9',
          divisionId: 'north',
          reason: 'competitor',
          lostAt: '2026-06-05T12:00:00.000Z',
        }),
      ),
    ).resolves.toBeUndefined();
  });

  it('counts a deal won through a dealer against the dealer’s plan for the year of the win, once', async () => {
    const plans = new CommandHandler(store, planDecider);
    await plans.handle(dealerPlanStreamId('dealer-1', '2026'), {
      type: 'SetDealerPlan',
      data: {
        dealerId: 'dealer-1',
        divisionId: 'north',
        period: '2026',
        value: eur(500_000),
        units: 40,
        productMix: [{ productGroup: 'presses', value: eur(500_000), units: 40 }],
        setBy: 'manager-7',
        reason: 'Annual plan',
      },
      metadata: { commandId: 'plan-1', now: '2026-01-05T09:00:00.000Z', divisionId: 'north' },
    });
    await consumer.onOpened(opened('opp-1', { accountName: 'Unregistered AG' }));
    await consumer.onProductsChanged(
      leadsEvent(OpportunityProductsChangedV1, 'opp-1', {
        opportunityId: 'opp-1',
        divisionId: 'north',
        products: [
          { productId: 'presses', quantity: 3 },
          { productId: 'spare-parts', quantity: 2 },
        ],
        changedAt: '2026-05-09T09:00:00.000Z',
      }),
    );
    const win = won('opp-1');
    await consumer.onWon(win);
    await consumer.onWon(win);
    const stream = await store.readStream('plan-dealer-1-2026');
    expect(stream.map((event) => event.type)).toEqual(['DealerPlanSet', 'PlanActualRecorded']);
    expect(stream[1]?.data).toMatchObject({
      opportunityId: 'opp-1',
      value: eur(48_000),
      units: 5,
      productGroup: 'presses',
      wonAt: '2026-06-02T15:00:00.000Z',
    });

    // No plan for the year, or a direct deal: nothing to count, and the win is logged.
    await consumer.onWon(won('opp-2', { dealerId: 'dealer-2' }));
    expect(await streamLength('plan-dealer-2-2026')).toBe(0);
    expect(logger.info).toHaveBeenCalledWith(
      'won deal not counted: the dealer has no plan for the year',
      expect.objectContaining({ dealerId: 'dealer-2', period: '2026' }),
    );
    await consumer.onWon(won('opp-3', { channel: 'direct', dealerId: undefined }));
    expect(await streamLength('plan-dealer-1-2026')).toBe(2);
  });
});
