import { ExpectedVersionMismatchError } from '@salesos/event-sourcing';
import type { EvidencedScore } from '../domain/person-scores.events';
import { ScorecardErrorCode } from '../domain/scorecard.errors';
import type { ScorecardContent } from '../domain/scorecard.events';
import { DefineScorecardHandler } from './define-scorecard.handler';
import { RetireScorecardHandler } from './retire-scorecard.handler';
import { ReviseScoreHandler } from './revise-score.handler';
import { ReviseScorecardHandler } from './revise-scorecard.handler';
import { ScorePeriodHandler } from './score-period.handler';
import { callerAs, scorecardStreams } from './scorecards.fixture';

const manager = callerAs('division-manager', 'mgr-1');
const content: ScorecardContent = {
  name: 'Field sales rep',
  criteria: [
    { criterionId: 'pipeline', name: 'Pipeline built', weight: 50 },
    { criterionId: 'forecast', name: 'Forecast accuracy', weight: 30 },
    { criterionId: 'crm', name: 'CRM hygiene', weight: 20 },
  ],
  scale: { min: 1, max: 5 },
};
const revised: ScorecardContent = {
  ...content,
  criteria: [
    { criterionId: 'pipeline', name: 'Pipeline built', weight: 60 },
    { criterionId: 'forecast', name: 'Forecast accuracy', weight: 40 },
  ],
};
const scorecard = {
  ...content,
  scorecardId: 'sc-1',
  appliesTo: { kind: 'position' as const, positionId: 'field-rep' },
};
const evidenced = (criterionId: string, score: number): EvidencedScore => ({
  criterionId,
  score,
  evidence: { text: `Seen in the ${criterionId} review` },
});
const firstVersionScores = [evidenced('pipeline', 4), evidenced('forecast', 3), evidenced('crm', 5)];

function handlers() {
  const streams = scorecardStreams();
  return {
    ...streams,
    define: new DefineScorecardHandler(streams.scorecards),
    revise: new ReviseScorecardHandler(streams.scorecards),
    retire: new RetireScorecardHandler(streams.scorecards),
    scorePeriod: new ScorePeriodHandler(streams.scores, streams.scorecards),
    reviseScore: new ReviseScoreHandler(streams.scores, streams.scorecards),
  };
}

describe('scorecard handlers', () => {
  it('define a scorecard once for a repeated Idempotency-Key, under the same id', async () => {
    const { define, store } = handlers();
    const keyed = callerAs('division-manager', 'mgr-1', { idempotencyKey: 'define-1' });
    const { scorecardId: _id, ...request } = scorecard;
    const first = await define.execute(request, keyed);
    const again = await define.execute(request, keyed);
    expect(again).toMatchObject({ scorecardId: first.scorecardId, repeated: true, version: 1 });
    expect(await store.readStream(`scorecard-${first.scorecardId}`)).toHaveLength(1);
  });

  it('revise only the version the caller saw', async () => {
    const { define, revise } = handlers();
    await define.execute(scorecard, manager);
    await revise.execute('sc-1', revised, manager, 1);
    await expect(revise.execute('sc-1', content, manager, 1)).rejects.toBeInstanceOf(ExpectedVersionMismatchError);
  });

  it('score a period on the version named, with its weighted total, then revise it with the reason', async () => {
    const { define, revise, scorePeriod, reviseScore, store } = handlers();
    await define.execute(scorecard, manager);
    await revise.execute('sc-1', revised, manager);
    const scored = await scorePeriod.execute(
      'sc-1',
      'p-anna',
      { period: '2026-Q3', scorecardVersion: 1, scores: firstVersionScores },
      manager,
    );
    expect(scored.events[0]?.data).toMatchObject({ scorecardVersion: 1, total: 3.9, scoredBy: 'mgr-1' });
    const changed = await reviseScore.execute(
      'sc-1',
      'p-anna',
      {
        period: '2026-Q3',
        scorecardVersion: 2,
        scores: [evidenced('pipeline', 4), evidenced('forecast', 4)],
        reason: 'Scored again on the revised card',
      },
      manager,
    );
    expect(changed.state).toMatchObject({
      periods: [
        { period: '2026-Q3', history: [{ total: 3.9 }, { total: 4, reason: 'Scored again on the revised card' }] },
      ],
    });
    expect(await store.readStream('scores-sc-1-p-anna')).toHaveLength(2);
  });

  it('score a period once for a repeated Idempotency-Key', async () => {
    const { define, scorePeriod, store } = handlers();
    await define.execute(scorecard, manager);
    const keyed = callerAs('division-manager', 'mgr-1', { idempotencyKey: 'score-q3' });
    const request = { period: '2026-Q3', scorecardVersion: 1, scores: firstVersionScores };
    await scorePeriod.execute('sc-1', 'p-anna', request, keyed);
    await expect(scorePeriod.execute('sc-1', 'p-anna', request, keyed)).resolves.toMatchObject({ repeated: true });
    expect(await store.readStream('scores-sc-1-p-anna')).toHaveLength(1);
  });

  it('refuse a score on a version the caller did not see', async () => {
    const { define, scorePeriod } = handlers();
    await define.execute(scorecard, manager);
    const request = { period: '2026-Q3', scorecardVersion: 1, scores: firstVersionScores };
    await scorePeriod.execute('sc-1', 'p-anna', request, manager, 0);
    await expect(
      scorePeriod.execute('sc-1', 'p-anna', { ...request, period: '2026-Q2' }, manager, 0),
    ).rejects.toBeInstanceOf(ExpectedVersionMismatchError);
  });

  it('refuse scores on a scorecard that is not there, of another division, or on a version it does not have', async () => {
    const { define, scorePeriod } = handlers();
    await define.execute(scorecard, manager);
    const request = { period: '2026-Q3', scorecardVersion: 1, scores: firstVersionScores };
    await expect(scorePeriod.execute('sc-none', 'p-anna', request, manager)).rejects.toMatchObject({
      code: ScorecardErrorCode.NotFound,
    });
    const south = callerAs('division-manager', 'mgr-9', { divisionId: 'south' });
    await expect(scorePeriod.execute('sc-1', 'p-anna', request, south)).rejects.toMatchObject({
      code: ScorecardErrorCode.NotFound,
    });
    await expect(
      scorePeriod.execute('sc-1', 'p-anna', { ...request, scorecardVersion: 2 }, manager),
    ).rejects.toMatchObject({ code: ScorecardErrorCode.InvalidInput, field: 'scorecardVersion' });
  });

  it('refuse new scores on a retired scorecard', async () => {
    const { define, retire, scorePeriod } = handlers();
    await define.execute(scorecard, manager);
    await retire.execute('sc-1', manager);
    await expect(
      scorePeriod.execute(
        'sc-1',
        'p-anna',
        { period: '2026-Q3', scorecardVersion: 1, scores: firstVersionScores },
        manager,
      ),
    ).rejects.toMatchObject({ code: ScorecardErrorCode.InvalidTransition });
  });
});
