/** Where a consumer runner is in its life with the transport, as it knows it itself. */
export type ConsumerPhase = 'joining' | 'consuming' | 'restarting';

/** What the runner knows about its progress at one instant; times in epoch milliseconds. */
export interface ProgressFacts {
  phase: ConsumerPhase;
  /** Since when the runner is in this phase. */
  phaseSince: number;
  /** The last commit, or the last moment the consumer was found with nothing left to do. */
  lastProgressAt: number | undefined;
  /** Records not yet committed at the last measurement. */
  lag: number | undefined;
  /** Why the last lag measurement failed, if it did. */
  lagError: string | undefined;
  /** Why the transport last went down, until the runner consumes again. */
  crash: string | undefined;
  now: number;
  stallAfterMs: number;
}

export type ProgressCondition = { state: 'joining' } | { state: 'consuming' } | { state: 'stalled'; reason: string };

/**
 * Stalled means someone should look: the transport is down (crashed, restarting, joining again after a crash), the
 * first join takes longer than `stallAfterMs`, or records wait and nothing was committed for `stallAfterMs`. A busy
 * consumer that commits is never stalled, however far behind; a consumer with nothing to do never is either.
 */
export function judgeProgress(facts: ProgressFacts): ProgressCondition {
  const { phase, phaseSince, now, stallAfterMs, crash } = facts;
  if (phase === 'restarting')
    return { state: 'stalled', reason: `the transport is down, restarting: ${crash ?? 'unknown error'}` };
  if (phase === 'joining') {
    if (crash !== undefined) return { state: 'stalled', reason: `reconnecting after: ${crash}` };
    if (now - phaseSince > stallAfterMs) {
      return { state: 'stalled', reason: `not joined its group after ${seconds(now - phaseSince)} s` };
    }
    return { state: 'joining' };
  }
  const silentMs = now - Math.max(facts.lastProgressAt ?? phaseSince, phaseSince);
  if (silentMs <= stallAfterMs) return { state: 'consuming' };
  if (facts.lagError !== undefined) {
    return {
      state: 'stalled',
      reason: `no progress for ${seconds(silentMs)} s, and the lag cannot be measured: ${facts.lagError}`,
    };
  }
  if ((facts.lag ?? 0) > 0) {
    return { state: 'stalled', reason: `${facts.lag} records behind and no progress for ${seconds(silentMs)} s` };
  }
  return { state: 'consuming' };
}

function seconds(ms: number): number {
  return Math.round(ms / 1000);
}
