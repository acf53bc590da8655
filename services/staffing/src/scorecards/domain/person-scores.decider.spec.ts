import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { PersonScoresCommand, ReviseScore, ScoredOn, ScorePeriod } from './person-scores.commands';
import { type PersonScores, personScoresDecider, standingScores } from './person-scores.decider';
import { type EvidencedScore, type PersonScoresEvent, personScoresEvents } from './person-scores.events';
import { ScorecardError, ScorecardErrorCode } from './scorecard.errors';

const now = '2026-10-05T08:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends PersonScoresCommand>(
  type: C['type'],
  data: C['data'],
  meta: CommandMetadata = metadata,
): C => ({ type, data, metadata: meta }) as C;
const spec = DeciderSpecification.for(personScoresDecider);

const ids = { scorecardId: 'sc-1', personId: 'p-anna', divisionId: 'north' };
const card: ScoredOn = {
  version: 2,
  name: 'Field sales rep',
  criteria: [
    { criterionId: 'pipeline', name: 'Pipeline built', weight: 60 },
    { criterionId: 'forecast', name: 'Forecast accuracy', weight: 40 },
  ],
  scale: { min: 1, max: 5 },
  retired: false,
};
const pipeline: EvidencedScore = {
  criterionId: 'pipeline',
  score: 4,
  evidence: {
    text: '3.1x coverage for Q4',
    links: ['https://crm.example/reports/77'],
    opportunityIds: ['opp-1', 'opp-2'],
  },
};
const forecast: EvidencedScore = { criterionId: 'forecast', score: 3, evidence: { text: 'Commit missed by 14%' } };
const scores = [pipeline, forecast];

const scorePeriod = (changes: Partial<ScorePeriod['data']> = {}) =>
  command('ScorePeriod', { ...ids, period: '2026-Q3', scorecard: card, scores, scoredBy: 'lead-1', ...changes });
const reviseScore = (changes: Partial<ReviseScore['data']> = {}) =>
  command('ReviseScore', {
    ...ids,
    period: '2026-Q3',
    scorecard: card,
    scores: [pipeline, { ...forecast, score: 4, evidence: { text: 'Late deal booked on 30 September' } }],
    reason: 'A deal booked late in the quarter',
    revisedBy: 'mgr-1',
    ...changes,
  });

const scored = (period = '2026-Q3'): PersonScoresEvent => ({
  type: 'PeriodScored',
  data: { ...ids, period, scorecardVersion: 2, scores, total: 3.6, scoredBy: 'lead-1', scoredAt: now },
});
const revised: PersonScoresEvent = {
  type: 'PeriodScoreRevised',
  data: {
    ...ids,
    period: '2026-Q3',
    scorecardVersion: 2,
    scores: [pipeline, { ...forecast, score: 4, evidence: { text: 'Late deal booked on 30 September' } }],
    total: 4,
    reason: 'A deal booked late in the quarter',
    revisedBy: 'mgr-1',
    revisedAt: now,
  },
};

const invalidField = (field: string) => ({ code: ScorecardErrorCode.InvalidInput, field });

describe('person scores decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [scored(), revised]) expect(() => personScoresEvents.check(event)).not.toThrow();
  });

  describe('ScorePeriod', () => {
    it('scores a period with evidence, the version used and the weighted total', () => {
      spec.given([]).when(scorePeriod()).then([scored()]);
    });

    it("keeps the scores in the card's order", () => {
      spec
        .given([])
        .when(scorePeriod({ scores: [forecast, pipeline] }))
        .then([scored()]);
    });

    it.each(['2026-09', '2026', '2026-10'])('scores the period %s, begun by now', (period) => {
      spec
        .given([scored()])
        .when(scorePeriod({ period }))
        .then([scored(period)]);
    });

    it('refuses a period scored already, naming period', () => {
      spec
        .given([scored()])
        .when(scorePeriod())
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.PeriodAlreadyScored, field: 'period' });
    });

    it('is refused on a retired scorecard', () => {
      spec
        .given([])
        .when(scorePeriod({ scorecard: { ...card, retired: true } }))
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.InvalidTransition, status: 'retired' });
    });

    it.each([
      ['no period', '2026-Q5'],
      ['a period not begun yet', '2026-11'],
    ])('refuses %s, naming period', (_label, period) => {
      spec.given([]).when(scorePeriod({ period })).thenThrows(ScorecardError, invalidField('period'));
    });

    it.each([
      ['a criterion left unscored', [pipeline], 'scores'],
      ['a criterion the card does not have', [...scores, { ...forecast, criterionId: 'crm' }], 'scores[2].criterionId'],
      ['a criterion scored twice', [...scores, forecast], 'scores[2].criterionId'],
      ['a score outside the scale', [pipeline, { ...forecast, score: 0 }], 'scores[1].score'],
      [
        'an evidence link that is no web address',
        [pipeline, { ...forecast, evidence: { text: 'x', links: ['https://crm.example/1', 'javascript:alert(1)'] } }],
        'scores[1].evidence.links[1]',
      ],
    ])('refuses %s, naming %s', (_label, given, field) => {
      spec
        .given([])
        .when(scorePeriod({ scores: given }))
        .thenThrows(ScorecardError, invalidField(field));
    });

    it('refuses scores of another scorecard or person met under the same stream as not found', () => {
      spec
        .given([scored()])
        .when(scorePeriod({ scorecardId: 'sc', personId: '1-p-anna', period: '2026-Q2' }))
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.NotFound });
    });

    it("reports another division's scores as not found", () => {
      spec
        .given([scored()])
        .when(command('ScorePeriod', scorePeriod({ period: '2026-Q2' }).data, { ...metadata, divisionId: 'south' }))
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.NotFound });
    });
  });

  describe('ReviseScore', () => {
    it('records the new scores with the reason', () => {
      spec.given([scored()]).when(reviseScore()).then([revised]);
    });

    it('may revise on a retired scorecard, correcting history', () => {
      spec
        .given([scored()])
        .when(reviseScore({ scorecard: { ...card, retired: true } }))
        .then([revised]);
    });

    it('changes nothing when the scores stand as given', () => {
      spec.given([scored(), revised]).when(reviseScore()).thenNothingHappens();
    });

    it('refuses a period never scored, naming period', () => {
      spec
        .given([scored()])
        .when(reviseScore({ period: '2026-Q2' }))
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.PeriodNotScored, field: 'period' });
    });

    it('refuses a score outside the scale, naming its place', () => {
      spec
        .given([scored()])
        .when(reviseScore({ scores: [{ ...pipeline, score: 6 }, forecast] }))
        .thenThrows(ScorecardError, invalidField('scores[0].score'));
    });
  });

  it('keeps the history of a period, the last scoring standing', () => {
    const record = [scored(), revised].reduce(
      (state, event) => personScoresDecider.evolve(state, event),
      personScoresDecider.initialState(),
    ) as PersonScores;
    const [quarter] = record.periods;
    expect(quarter?.history.map(({ total, by, reason }) => ({ total, by, reason }))).toEqual([
      { total: 3.6, by: 'lead-1', reason: undefined },
      { total: 4, by: 'mgr-1', reason: 'A deal booked late in the quarter' },
    ]);
    expect(standingScores(quarter!).total).toBe(4);
  });
});
