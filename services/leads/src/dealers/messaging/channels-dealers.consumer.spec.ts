import { asUser } from '@salesos/auth/testing';
import { dealerTopic, toEventRecord } from '@salesos/contracts';
import request from 'supertest';
import { eachTestLeadsApp, until } from '../../testing';
import { ChannelDealers } from '../application/channel-dealers.port';

type DealerType = 'DealerActivated' | 'DealerSuspended' | 'DealerReinstated' | 'DealerTerminated';

const times: Record<DealerType, string> = {
  DealerActivated: 'activatedAt',
  DealerSuspended: 'suspendedAt',
  DealerReinstated: 'reinstatedAt',
  DealerTerminated: 'terminatedAt',
};

/** A dealer event as the channels service's relay publishes it. */
function dealerEvent(
  id: string,
  type: DealerType,
  dealerId: string,
  time: string,
  extra: Record<string, unknown> = {},
  divisionId = 'north',
) {
  const reasons = type === 'DealerSuspended' || type === 'DealerTerminated' ? { reason: 'Overdue payments' } : {};
  const lastDay = type === 'DealerTerminated' ? { effectiveDay: time.slice(0, 10) } : {};
  return toEventRecord({
    id,
    type: `salesos.channels.${type}.v1`,
    source: '/salesos/channels',
    subject: dealerId,
    time,
    data: { dealerId, divisionId, ...reasons, ...lastDay, ...extra, [times[type]]: time },
    divisionId,
  });
}

describe("the channels service's dealers, as the leads service hears of them", () => {
  const service = eachTestLeadsApp();

  const dealers = () => service().app.get(ChannelDealers);

  it('keeps each dealer in its standing, whatever comes again or late, and records each change once', async () => {
    const { store, transport } = service();
    const channel = { channelId: 'dealer-network', companyName: 'Vogel GmbH' };
    await transport.producer().send(dealerTopic.name, [
      dealerEvent('m1', 'DealerActivated', 'dealer-4', '2026-03-02T09:00:00.000Z', channel),
      dealerEvent('m2', 'DealerActivated', 'dealer-5', '2026-03-03T09:00:00.000Z', channel),
      dealerEvent('m3', 'DealerActivated', 'dealer-6', '2026-03-04T09:00:00.000Z', channel, 'south'),
      dealerEvent('m4', 'DealerSuspended', 'dealer-5', '2026-09-14T10:00:00.000Z'),
      dealerEvent('m5', 'DealerTerminated', 'dealer-6', '2026-10-01T08:00:00.000Z', {}, 'south'),
      // A redelivery, and an activation older than the suspension published again under another id.
      dealerEvent('m2', 'DealerActivated', 'dealer-5', '2026-03-03T09:00:00.000Z', channel),
      dealerEvent('m6', 'DealerActivated', 'dealer-5', '2026-03-03T09:00:00.000Z', channel),
      dealerEvent('m7', 'DealerReinstated', 'dealer-6', '2026-10-02T09:30:00.000Z', {}, 'south'),
    ]);
    await until(async () => (await store.readStream('channeldealer-dealer-6')).length === 2);
    await until(async () => (await dealers().dealer('dealer-6'))?.standing === 'terminated');

    expect(await dealers().dealer('dealer-4')).toEqual({
      status: 'known',
      dealerId: 'dealer-4',
      divisionId: 'north',
      channelId: 'dealer-network',
      standing: 'active',
      since: '2026-03-02T09:00:00.000Z',
    });
    expect(await dealers().dealer('dealer-5')).toMatchObject({
      channelId: 'dealer-network',
      standing: 'suspended',
      since: '2026-09-14T10:00:00.000Z',
    });
    expect(await dealers().dealer('dealer-6')).toMatchObject({
      divisionId: 'south',
      channelId: 'dealer-network',
      standing: 'terminated',
      lastDay: '2026-10-01',
    });
    expect(await dealers().dealer('dealer-7')).toBeUndefined();
    expect((await store.readStream('channeldealer-dealer-5')).map((event) => event.metadata.commandId)).toEqual([
      'm2',
      'm4',
    ]);
  });

  it('lets a deal be attributed to a dealer once the dealer topic has told of it, and not before', async () => {
    const { app, store, transport } = service();
    const headers = asUser('manager-7', 'division-manager', 'north');
    const deal = (dealerId: string) => ({
      accountName: 'Acme',
      pipelineId: 'dealer-sourced',
      amount: { amount: 50_000, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
      products: [],
      channel: { kind: 'dealer', dealerId },
    });
    const open = (dealerId: string) =>
      request(app.getHttpServer() as Parameters<typeof request>[0])
        .post('/opportunities')
        .set(headers)
        .send(deal(dealerId));
    const before = await open('dealer-8');
    expect(before.status).toBe(400);
    expect((before.body as { code: string }).code).toBe('DEALER_UNKNOWN');
    await transport
      .producer()
      .send(dealerTopic.name, [
        dealerEvent('m8', 'DealerActivated', 'dealer-8', '2026-03-02T09:00:00.000Z', { channelId: 'retail' }),
      ]);
    await until(async () => (await dealers().dealer('dealer-8')) !== undefined);
    const after = await open('dealer-8');
    expect(after.status).toBe(201);
    const [opened] = await store.readStream(`opportunity-${(after.body as { opportunityId: string }).opportunityId}`);
    expect(opened?.data).toMatchObject({ channel: { kind: 'dealer', dealerId: 'dealer-8', channelId: 'retail' } });
  });
});
