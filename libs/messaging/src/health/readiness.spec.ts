import type { ConsumerStatus } from '../consumer/consumer-runner';
import type { RelayStatus } from '../relay/relay';
import { judgeReadiness } from './readiness';

function consumer(overrides: Partial<ConsumerStatus>): ConsumerStatus {
  return {
    groupId: 'reporting.projections',
    transport: 'kafka',
    state: 'consuming',
    lag: 0,
    lastProgressAt: '2026-03-01T10:00:00.000Z',
    secondsSinceProgress: 0,
    restarts: 0,
    processed: 10,
    duplicates: 0,
    skipped: 0,
    retries: 0,
    deadLettered: 0,
    ...overrides,
  };
}

function relay(overrides: Partial<RelayStatus>): RelayStatus {
  return {
    service: 'leads',
    state: 'publishing',
    published: 10,
    checkpoint: '10',
    lag: 0,
    lastPublishedAt: '2026-03-01T10:00:00.000Z',
    parked: 0,
    ...overrides,
  };
}

const storeUp = { name: 'event store', up: true };

describe('judgeReadiness', () => {
  it('is up when the store answers, the consumers consume and the relays publish or stand by', () => {
    expect(
      judgeReadiness({
        dependencies: [storeUp],
        consumers: [consumer({ lag: 4000 })],
        relays: [relay({}), relay({ service: 'standby', state: 'waiting-for-lock' })],
      }),
    ).toEqual({ status: 'up', reasons: [] });
  });

  it('is degraded, saying why, while the store is slow, a consumer joins or is stalled, or a relay cannot reach the broker', () => {
    expect(
      judgeReadiness({
        dependencies: [{ name: 'event store', up: true, slow: true, error: 'no answer within 2000 ms' }],
        consumers: [
          consumer({ groupId: 'leads.deal-registrations', state: 'joining' }),
          consumer({
            state: 'stalled',
            stalledReason: 'the transport is down, restarting: KafkaJSNumberOfRetriesExceeded: Connection error',
          }),
        ],
        relays: [
          relay({ state: 'retrying', lag: 90, lastError: 'Connection error: connect ECONNREFUSED' }),
          relay({ service: 'channels', state: 'connecting', lag: 3 }),
        ],
      }),
    ).toEqual({
      status: 'degraded',
      reasons: [
        'event store is slow: no answer within 2000 ms',
        'consumer leads.deal-registrations is joining its group',
        'consumer reporting.projections is stalled: the transport is down, restarting: KafkaJSNumberOfRetriesExceeded: Connection error',
        'relay leads cannot publish: Connection error: connect ECONNREFUSED; 90 events not yet published',
        'relay channels is connecting to the broker; 3 events not yet published',
      ],
    });
  });

  it('is down when its store or database does not answer, whatever the messaging does', () => {
    expect(
      judgeReadiness({
        dependencies: [{ name: 'read models', up: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' }],
        consumers: [consumer({ state: 'joining' })],
        relays: [],
      }),
    ).toEqual({
      status: 'down',
      reasons: [
        'read models does not answer: connect ECONNREFUSED 127.0.0.1:5432',
        'consumer reporting.projections is joining its group',
      ],
    });
  });

  it('is down when a relay failed for good or a consumer stopped', () => {
    expect(
      judgeReadiness({
        dependencies: [storeUp],
        consumers: [consumer({ state: 'stopped' })],
        relays: [relay({ state: 'failed', lastError: 'Event 42: /seq must be >= 1' })],
      }),
    ).toEqual({
      status: 'down',
      reasons: ['consumer reporting.projections is stopped', 'relay leads failed: Event 42: /seq must be >= 1'],
    });
  });
});
