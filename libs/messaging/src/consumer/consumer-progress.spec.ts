import { judgeProgress, type ProgressFacts } from './consumer-progress';

const start = Date.parse('2026-03-01T10:00:00Z');

function facts(overrides: Partial<ProgressFacts>): ProgressFacts {
  return {
    phase: 'consuming',
    phaseSince: start,
    lastProgressAt: start,
    lag: 0,
    lagError: undefined,
    crash: undefined,
    now: start,
    stallAfterMs: 30_000,
    ...overrides,
  };
}

describe('judgeProgress', () => {
  it('calls a consumer that commits consuming, however far behind it is', () => {
    expect(judgeProgress(facts({ lag: 50_000, lastProgressAt: start + 59_000, now: start + 60_000 }))).toEqual({
      state: 'consuming',
    });
  });

  it('calls a consumer with nothing to do consuming, however long it has not committed', () => {
    expect(judgeProgress(facts({ lag: 0, lastProgressAt: start, now: start + 3_600_000 }))).toEqual({
      state: 'consuming',
    });
  });

  it('calls a consumer stalled once records wait and nothing was committed for longer than the limit', () => {
    expect(judgeProgress(facts({ lag: 7, now: start + 30_000 }))).toEqual({ state: 'consuming' });
    expect(judgeProgress(facts({ lag: 7, now: start + 30_001 }))).toEqual({
      state: 'stalled',
      reason: '7 records behind and no progress for 30 s',
    });
  });

  it('counts the time since it joined, not since its last commit before a rejoin', () => {
    const joinedAgain = start + 100_000;
    expect(judgeProgress(facts({ lag: 7, phaseSince: joinedAgain, now: joinedAgain + 10_000 }))).toEqual({
      state: 'consuming',
    });
  });

  it('calls a consumer stalled when it cannot measure its lag and has not committed for longer than the limit', () => {
    const failing = { lag: 0, lagError: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' };
    expect(judgeProgress(facts({ ...failing, now: start + 5_000 }))).toEqual({ state: 'consuming' });
    expect(judgeProgress(facts({ ...failing, now: start + 45_000 }))).toEqual({
      state: 'stalled',
      reason:
        'no progress for 45 s, and the lag cannot be measured: Connection error: connect ECONNREFUSED 127.0.0.1:9092',
    });
  });

  it('calls a consumer whose transport crashed stalled at once, while it restarts and until it consumes again', () => {
    const crash = 'KafkaJSNumberOfRetriesExceeded: Connection error: connect ECONNREFUSED 127.0.0.1:9092';
    expect(judgeProgress(facts({ phase: 'restarting', crash, now: start + 1 }))).toEqual({
      state: 'stalled',
      reason: `the transport is down, restarting: ${crash}`,
    });
    expect(judgeProgress(facts({ phase: 'joining', crash, now: start + 1 }))).toEqual({
      state: 'stalled',
      reason: `reconnecting after: ${crash}`,
    });
    expect(judgeProgress(facts({ phase: 'consuming', crash: undefined, lag: 120, now: start + 1 }))).toEqual({
      state: 'consuming',
    });
  });

  it('calls a first join joining, and stalled once it takes longer than the limit', () => {
    expect(judgeProgress(facts({ phase: 'joining', lastProgressAt: undefined, now: start + 6_000 }))).toEqual({
      state: 'joining',
    });
    expect(judgeProgress(facts({ phase: 'joining', lastProgressAt: undefined, now: start + 31_000 }))).toEqual({
      state: 'stalled',
      reason: 'not joined its group after 31 s',
    });
  });
});
