import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { type DealerNews, dealerStandingDecider, type RecordDealerStanding } from './dealer-standing.decider';
import type { DealerStandingEvent } from './dealer-standing.events';

const now = '2026-05-01T08:00:00.000Z';
const dealer = { dealerId: 'dealer-4', divisionId: 'machines' };
const activated: DealerNews = {
  ...dealer,
  channelId: 'dealer-network',
  standing: 'active',
  since: '2026-03-02T09:00:00.000Z',
};
const { channelId: _channel, ...activatedWithoutChannel } = activated;
const suspended: DealerNews = { ...dealer, standing: 'suspended', since: '2026-09-14T10:00:00.000Z' };
const reinstated: DealerNews = { ...dealer, standing: 'active', since: '2026-10-02T09:30:00.000Z' };
const terminated: DealerNews = {
  ...dealer,
  standing: 'terminated',
  since: '2026-10-01T08:00:00.000Z',
  lastDay: '2026-12-31',
};

const record = (news: DealerNews): RecordDealerStanding => ({
  type: 'RecordDealerStanding',
  data: news,
  metadata: { commandId: 'message-1', now },
});
const recorded = (news: DealerNews): DealerStandingEvent => ({
  type: 'DealerStandingRecorded',
  data: { ...news, recordedAt: now },
});
const spec = DeciderSpecification.for(dealerStandingDecider);

describe('dealer standing decider', () => {
  it('records a dealer the channels service activated, with its division and channel', () => {
    spec
      .given([])
      .when(record(activated))
      .then([recorded(activated)]);
  });

  it('keeps the channel known from the activation when a later event does not carry one', () => {
    spec
      .given([recorded(activated)])
      .when(record(suspended))
      .then([recorded({ ...suspended, channelId: 'dealer-network' })]);
  });

  it('changes nothing on news it already holds: a redelivery, or a replay of the topic', () => {
    spec
      .given([recorded(activated)])
      .when(record(activated))
      .thenNothingHappens();
    spec
      .given([recorded(activated)])
      .when(record(activatedWithoutChannel))
      .thenNothingHappens();
  });

  it('changes nothing on news older than what it knows', () => {
    const withChannel = { ...reinstated, channelId: 'dealer-network' };
    spec
      .given([recorded(activated), recorded({ ...suspended, channelId: 'dealer-network' }), recorded(withChannel)])
      .when(record(suspended))
      .thenNothingHappens();
    spec
      .given([recorded(withChannel)])
      .when(record(activated))
      .thenNothingHappens();
  });

  it('takes a reinstatement after a suspension', () => {
    spec
      .given([recorded(activated), recorded({ ...suspended, channelId: 'dealer-network' })])
      .when(record(reinstated))
      .then([recorded({ ...reinstated, channelId: 'dealer-network' })]);
  });

  it('holds a termination as final, whenever its news arrives', () => {
    const withChannel = { ...terminated, channelId: 'dealer-network' };
    spec
      .given([recorded(activated), recorded({ ...reinstated, channelId: 'dealer-network' })])
      .when(record(terminated))
      .then([recorded(withChannel)]);
    spec
      .given([recorded(withChannel)])
      .when(record(reinstated))
      .thenNothingHappens();
    spec
      .given([recorded(withChannel)])
      .when(record(activated))
      .thenNothingHappens();
  });

  it('records a dealer first heard of through a later event', () => {
    spec
      .given([])
      .when(record(suspended))
      .then([recorded(suspended)]);
  });
});
