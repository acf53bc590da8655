import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { DefineScorecard, ReviseScorecard, ScorecardCommand } from './scorecard.commands';
import { currentVersion, type Scorecard, scorecardDecider, scorecardVersion } from './scorecard.decider';
import { ScorecardError, ScorecardErrorCode } from './scorecard.errors';
import { type ScorecardContent, type ScorecardEvent, scorecardEvents } from './scorecard.events';

const now = '2026-03-02T08:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends ScorecardCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const spec = DeciderSpecification.for(scorecardDecider);

const ids = { scorecardId: 'sc-1', divisionId: 'north' };
const content: ScorecardContent = {
  name: 'Field sales rep',
  criteria: [
    { criterionId: 'pipeline', name: 'Pipeline built', weight: 50 },
    { criterionId: 'forecast', name: 'Forecast accuracy', weight: 30, description: 'Commit within 10% of the result' },
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
const appliesTo = { kind: 'position' as const, positionId: 'field-rep' };
const define = (changes: Partial<DefineScorecard['data']> = {}) =>
  command('DefineScorecard', { ...ids, appliesTo, ...content, ...changes });
const revise = (changes: Partial<ReviseScorecard['data']> = {}) =>
  command('ReviseScorecard', { ...revised, ...changes });
const retire = () => command('RetireScorecard', {});

const defined: ScorecardEvent = {
  type: 'ScorecardDefined',
  data: { ...ids, appliesTo, version: 1, ...content, definedAt: now },
};
const revisedEvent: ScorecardEvent = {
  type: 'ScorecardRevised',
  data: { ...ids, version: 2, ...revised, revisedAt: now },
};
const retired: ScorecardEvent = { type: 'ScorecardRetired', data: { ...ids, retiredAt: now } };

const invalidField = (field: string) => ({ code: ScorecardErrorCode.InvalidInput, field });
const fold = (events: readonly ScorecardEvent[]) =>
  events.reduce((state, event) => scorecardDecider.evolve(state, event), scorecardDecider.initialState());

describe('scorecard decider', () => {
  it('decides only events its schemas accept', () => {
    for (const event of [defined, revisedEvent, retired]) expect(() => scorecardEvents.check(event)).not.toThrow();
  });

  describe('DefineScorecard', () => {
    it('defines a scorecard for a position as version 1', () => {
      spec.given([]).when(define()).then([defined]);
    });

    it('defines a scorecard for a unit', () => {
      const forUnit = { kind: 'unit' as const, unitId: 'team-north-1' };
      spec
        .given([])
        .when(define({ appliesTo: forUnit }))
        .then([
          { type: 'ScorecardDefined', data: { ...ids, appliesTo: forUnit, version: 1, ...content, definedAt: now } },
        ]);
    });

    it('refuses a second scorecard under the same id', () => {
      spec
        .given([defined, retired])
        .when(define())
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.AlreadyExists, status: 'retired' });
    });

    it.each([
      [
        'weights summing to less than 100',
        [{ ...content.criteria[0]!, weight: 40 }, content.criteria[1]!, content.criteria[2]!],
        'criteria',
      ],
      [
        'weights summing to more than 100',
        [{ ...content.criteria[0]!, weight: 60 }, content.criteria[1]!, content.criteria[2]!],
        'criteria',
      ],
      [
        'a weight of 0',
        [{ ...content.criteria[0]!, weight: 0 }, { ...content.criteria[1]!, weight: 80 }, content.criteria[2]!],
        'criteria[0].weight',
      ],
      [
        'a weight between whole percent',
        [{ ...content.criteria[0]!, weight: 49.5 }, { ...content.criteria[1]!, weight: 30.5 }, content.criteria[2]!],
        'criteria[0].weight',
      ],
      [
        'a criterion id twice',
        [...content.criteria.slice(0, 2), { ...content.criteria[2]!, criterionId: 'pipeline' }],
        'criteria[2].criterionId',
      ],
      ['no criteria', [], 'criteria'],
    ])('refuses %s, naming %s', (_label, criteria, field) => {
      spec.given([]).when(define({ criteria })).thenThrows(ScorecardError, invalidField(field));
    });

    it('refuses a scale ending where it starts, naming scale.max', () => {
      spec
        .given([])
        .when(define({ scale: { min: 2, max: 2 } }))
        .thenThrows(ScorecardError, invalidField('scale.max'));
    });
  });

  describe('a command on a scorecard that does not exist', () => {
    it.each([revise(), retire()])('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(ScorecardError, { code: ScorecardErrorCode.NotFound });
    });

    it("reports another division's scorecard as not found", () => {
      spec
        .given([defined])
        .when(command('RetireScorecard', {}, { ...metadata, divisionId: 'south' }))
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.NotFound });
    });
  });

  describe('ReviseScorecard', () => {
    it('records the new criteria as the next version', () => {
      spec.given([defined]).when(revise()).then([revisedEvent]);
    });

    it('changes nothing when revised to what it is', () => {
      spec.given([defined, revisedEvent]).when(revise()).thenNothingHappens();
    });

    it('refuses weights not summing to 100, naming criteria', () => {
      spec
        .given([defined])
        .when(revise({ criteria: [{ ...revised.criteria[0]!, weight: 70 }, revised.criteria[1]!] }))
        .thenThrows(ScorecardError, invalidField('criteria'));
    });

    it('is refused once retired', () => {
      spec
        .given([defined, retired])
        .when(revise())
        .thenThrows(ScorecardError, { code: ScorecardErrorCode.InvalidTransition, status: 'retired' });
    });
  });

  describe('RetireScorecard', () => {
    it('retires the scorecard', () => {
      spec.given([defined, revisedEvent]).when(retire()).then([retired]);
    });

    it('changes nothing when retired already', () => {
      spec.given([defined, retired]).when(retire()).thenNothingHappens();
    });
  });

  it('keeps every version, the last being current', () => {
    const scorecard = fold([defined, revisedEvent, retired]) as Scorecard;
    expect(scorecard.status).toBe('retired');
    expect(currentVersion(scorecard)).toEqual({ version: 2, ...revised });
    expect(scorecardVersion(scorecard, 1)).toEqual({ version: 1, ...content });
    expect(scorecardVersion(scorecard, 3)).toBeUndefined();
  });
});
