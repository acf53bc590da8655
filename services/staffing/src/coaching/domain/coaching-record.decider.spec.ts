import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { CoachingError, CoachingErrorCode } from './coaching.errors';
import type { CoachingRecordCommand, NoteLoss, RaiseCoachingSuggestion } from './coaching-record.commands';
import { type CoachingRecord, coachingRecordDecider, suggestedDeals } from './coaching-record.decider';
import { type CoachingRecordEvent, coachingRecordEvents } from './coaching-record.events';
import { defaultLossRule } from './loss-patterns';

const now = '2026-06-30T15:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends CoachingRecordCommand>(
  type: C['type'],
  data: C['data'],
  meta: CommandMetadata = metadata,
): C => ({ type, data, metadata: meta }) as C;
const spec = DeciderSpecification.for(coachingRecordDecider);

const person = { personId: 'p-anna', divisionId: 'north' };
const lostAt = (day: string) => `${day}T10:00:00.000Z`;

const noteLoss = (opportunityId: string, day: string, changes: Partial<NoteLoss['data']> = {}) =>
  command('NoteLoss', {
    ...person,
    ownerRepId: 'user-anna',
    opportunityId,
    reason: 'price',
    lostAt: lostAt(day),
    sourceEventId: `lost-${opportunityId}`,
    suggestionId: `s-${opportunityId}`,
    rule: defaultLossRule,
    ...changes,
  });
const noted = (
  opportunityId: string,
  day: string,
  reason = 'price',
  sourceEventId = `lost-${opportunityId}`,
): CoachingRecordEvent => ({
  type: 'LossNoted',
  data: {
    ...person,
    ownerRepId: 'user-anna',
    opportunityId,
    reason,
    lostAt: lostAt(day),
    sourceEventId,
    notedAt: now,
  },
});
const suggested = (
  suggestionId: string,
  opportunityIds: string[],
  from: string,
  to: string,
  reason = 'price',
): CoachingRecordEvent => ({
  type: 'CoachingSuggested',
  data: { ...person, suggestionId, reason, opportunityIds, period: { from, to }, suggestedAt: now },
});
const raise = (changes: Partial<RaiseCoachingSuggestion['data']> = {}) =>
  command('RaiseCoachingSuggestion', {
    ...person,
    suggestionId: 's-manual',
    reason: 'timing',
    opportunityIds: ['o-7', 'o-8'],
    period: { from: '2026-06-01', to: '2026-06-20' },
    ...changes,
  });
const acknowledge = (reviewId = 'r-1', suggestionId = 's-o-3') =>
  command('AcknowledgeSuggestion', { suggestionId, reviewId, acknowledgedBy: 'lead-1' });
const acknowledged = (reviewId = 'r-1'): CoachingRecordEvent => ({
  type: 'SuggestionAcknowledged',
  data: { ...person, suggestionId: 's-o-3', reviewId, acknowledgedBy: 'lead-1', acknowledgedAt: now },
});

const twoPriceLosses = [noted('o-1', '2026-05-02'), noted('o-2', '2026-06-10')];
const firstSuggestion = suggested('s-o-3', ['o-1', 'o-2', 'o-3'], '2026-05-02', '2026-06-29');
const withSuggestion = [...twoPriceLosses, noted('o-3', '2026-06-29'), firstSuggestion];

const code = (value: CoachingErrorCode) => ({ code: value });
const invalidField = (field: string) => ({ code: CoachingErrorCode.InvalidInput, field });

describe('coaching record decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [...withSuggestion, acknowledged()]) {
      expect(() => coachingRecordEvents.check(event)).not.toThrow();
    }
  });

  describe('NoteLoss', () => {
    it("notes a person's first lost deal", () => {
      spec
        .given([])
        .when(noteLoss('o-1', '2026-05-02'))
        .then([noted('o-1', '2026-05-02')]);
    });

    it('raises a suggestion naming the deals when the third is lost for the same reason within 90 days', () => {
      spec
        .given(twoPriceLosses)
        .when(noteLoss('o-3', '2026-06-29'))
        .then([noted('o-3', '2026-06-29'), firstSuggestion]);
    });

    it('changes nothing when the same event of the leads service is delivered again', () => {
      spec
        .given(withSuggestion)
        .when(noteLoss('o-3', '2026-06-29', { suggestionId: 'other' }))
        .thenNothingHappens();
    });

    it('only notes a loss for another reason', () => {
      spec
        .given(twoPriceLosses)
        .when(noteLoss('o-3', '2026-06-29', { reason: 'timing' }))
        .then([noted('o-3', '2026-06-29', 'timing')]);
    });

    it('only notes a loss when the earlier ones lie outside the window', () => {
      spec
        .given([noted('o-1', '2026-03-31'), noted('o-2', '2026-06-10')])
        .when(noteLoss('o-3', '2026-06-29'))
        .then([noted('o-3', '2026-06-29')]);
    });

    it('counts a deal named by a suggestion only once: the next suggestion names new deals', () => {
      const more = [...withSuggestion, noted('o-4', '2026-06-29'), noted('o-5', '2026-06-29')];
      spec
        .given([...withSuggestion, noted('o-4', '2026-06-29')])
        .when(noteLoss('o-5', '2026-06-29'))
        .then([noted('o-5', '2026-06-29')]);
      spec
        .given(more)
        .when(noteLoss('o-6', '2026-06-30'))
        .then([noted('o-6', '2026-06-30'), suggested('s-o-6', ['o-4', 'o-5', 'o-6'], '2026-06-29', '2026-06-30')]);
    });

    it('notes a deal lost again after a reopening, under the new event', () => {
      spec
        .given(twoPriceLosses)
        .when(noteLoss('o-2', '2026-06-20', { sourceEventId: 'lost-again' }))
        .then([noted('o-2', '2026-06-20', 'price', 'lost-again')]);
    });

    it('takes the rule it is given', () => {
      spec
        .given([noted('o-1', '2026-06-25')])
        .when(noteLoss('o-2', '2026-06-29', { rule: { threshold: 2, windowDays: 7 } }))
        .then([noted('o-2', '2026-06-29'), suggested('s-o-2', ['o-1', 'o-2'], '2026-06-25', '2026-06-29')]);
    });

    it.each([
      [{ threshold: 1, windowDays: 90 }, 'rule.threshold'],
      [{ threshold: 2.5, windowDays: 90 }, 'rule.threshold'],
      [{ threshold: 3, windowDays: 0 }, 'rule.windowDays'],
      [{ threshold: 3, windowDays: 400 }, 'rule.windowDays'],
    ])('refuses the rule %j, naming %s', (rule, field) => {
      spec
        .given([])
        .when(noteLoss('o-1', '2026-06-01', { rule }))
        .thenThrows(CoachingError, invalidField(field));
    });

    it('refuses a suggestion id in use when the loss completes a pattern', () => {
      spec
        .given([...withSuggestion, noted('o-4', '2026-06-29'), noted('o-5', '2026-06-29')])
        .when(noteLoss('o-6', '2026-06-30', { suggestionId: 's-o-3' }))
        .thenThrows(CoachingError, { code: CoachingErrorCode.IdInUse, field: 'suggestionId' });
    });

    it("reports another division's person as not found", () => {
      spec
        .given(twoPriceLosses)
        .when(
          command(
            'NoteLoss',
            { ...noteLoss('o-3', '2026-06-29').data, divisionId: 'south' },
            { ...metadata, divisionId: 'south' },
          ),
        )
        .thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });
  });

  describe('RaiseCoachingSuggestion', () => {
    it('raises a suggestion naming the deals', () => {
      spec
        .given([])
        .when(raise())
        .then([suggested('s-manual', ['o-7', 'o-8'], '2026-06-01', '2026-06-20', 'timing')]);
    });

    it('refuses a deal a suggestion names already, naming its place', () => {
      spec
        .given(withSuggestion)
        .when(raise({ opportunityIds: ['o-7', 'o-2'] }))
        .thenThrows(CoachingError, (error) => {
          const refusal = error as CoachingError;
          return (
            refusal.code === CoachingErrorCode.SuggestionRepeated &&
            refusal.field === 'opportunityIds[1]' &&
            error.message.includes('s-o-3')
          );
        });
    });

    it('refuses the same deals named again under a new suggestion id', () => {
      spec
        .given(withSuggestion)
        .when(raise({ suggestionId: 's-again', reason: 'price', opportunityIds: ['o-1', 'o-2', 'o-3'] }))
        .thenThrows(CoachingError, { code: CoachingErrorCode.SuggestionRepeated, field: 'opportunityIds[0]' });
    });

    it('refuses a deal listed twice, naming its place', () => {
      spec
        .given([])
        .when(raise({ opportunityIds: ['o-7', 'o-7'] }))
        .thenThrows(CoachingError, invalidField('opportunityIds[1]'));
    });

    it('refuses a period ending before it starts, naming period.to', () => {
      spec
        .given([])
        .when(raise({ period: { from: '2026-06-20', to: '2026-06-01' } }))
        .thenThrows(CoachingError, invalidField('period.to'));
    });

    it('refuses a suggestion id in use', () => {
      spec
        .given(withSuggestion)
        .when(raise({ suggestionId: 's-o-3' }))
        .thenThrows(CoachingError, { code: CoachingErrorCode.IdInUse, field: 'suggestionId' });
    });

    it("reports another division's person as not found", () => {
      spec
        .given(withSuggestion)
        .when(command('RaiseCoachingSuggestion', raise().data, { ...metadata, divisionId: 'south' }))
        .thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });
  });

  describe('AcknowledgeSuggestion', () => {
    it('records the review the suggestion was taken up in', () => {
      spec.given(withSuggestion).when(acknowledge()).then([acknowledged()]);
    });

    it('changes nothing when acknowledged again with the same review', () => {
      spec
        .given([...withSuggestion, acknowledged()])
        .when(acknowledge())
        .thenNothingHappens();
    });

    it('is refused with another review once acknowledged', () => {
      spec
        .given([...withSuggestion, acknowledged()])
        .when(acknowledge('r-2'))
        .thenThrows(CoachingError, { code: CoachingErrorCode.InvalidTransition, status: 'acknowledged' });
    });

    it.each([
      ['a suggestion the record does not have', withSuggestion, 's-unknown'],
      ['any suggestion of a person without a record', [], 's-o-3'],
    ])('refuses %s as not found', (_label, given, suggestionId) => {
      spec
        .given(given)
        .when(acknowledge('r-1', suggestionId))
        .thenThrows(CoachingError, code(CoachingErrorCode.NotFound));
    });
  });

  it('keeps each deal once with its latest loss, and which deals suggestions name', () => {
    const record = [...withSuggestion, noted('o-2', '2026-06-20', 'timing', 'lost-again')].reduce(
      (state, event) => coachingRecordDecider.evolve(state, event),
      coachingRecordDecider.initialState(),
    ) as CoachingRecord;
    expect(record.losses).toEqual([
      { opportunityId: 'o-1', reason: 'price', lostOn: '2026-05-02' },
      { opportunityId: 'o-3', reason: 'price', lostOn: '2026-06-29' },
      { opportunityId: 'o-2', reason: 'timing', lostOn: '2026-06-20' },
    ]);
    expect([...suggestedDeals(record)]).toEqual(['o-1', 'o-2', 'o-3']);
  });
});
