import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import { CoachingError, CoachingErrorCode } from './coaching.errors';
import { rubricDecider, type SetRubric } from './rubric.decider';
import { type RubricEvent, rubricEvents } from './rubric.events';

const now = '2026-05-04T09:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const spec = DeciderSpecification.for(rubricDecider);

const criteria = [
  { criterionId: 'discovery', name: 'Discovery questions', description: 'Asked about the need before the product' },
  { criterionId: 'next-step', name: 'Next step agreed' },
];
const scale = { min: 1, max: 5 };
const setRubric = (changes: Partial<SetRubric['data']> = {}, meta: CommandMetadata = metadata): SetRubric => ({
  type: 'SetRubric',
  data: { divisionId: 'north', criteria, scale, ...changes },
  metadata: meta,
});
const rubricSet = (version: number, changes: Partial<SetRubric['data']> = {}): RubricEvent => ({
  type: 'RubricSet',
  data: { divisionId: 'north', version, criteria, scale, ...changes, setAt: now },
});
const invalidField = (field: string) => ({ code: CoachingErrorCode.InvalidInput, field });

describe('rubric decider', () => {
  it('decides only events its schema accepts', () => {
    expect(() => rubricEvents.check(rubricSet(1))).not.toThrow();
  });

  it("sets the division's first rubric as version 1", () => {
    spec
      .given([])
      .when(setRubric())
      .then([rubricSet(1)]);
  });

  it('sets a changed rubric as the next version', () => {
    const finer = { scale: { min: 0, max: 100 } };
    spec
      .given([rubricSet(1), rubricSet(2, { criteria: [criteria[0]!] })])
      .when(setRubric(finer))
      .then([rubricSet(3, finer)]);
  });

  it('changes nothing when set again as it is', () => {
    spec
      .given([rubricSet(1)])
      .when(setRubric())
      .thenNothingHappens();
  });

  it.each([
    ['no criteria', { criteria: [] }, 'criteria'],
    [
      'a criterion id twice',
      { criteria: [...criteria, { criterionId: 'discovery', name: 'Again' }] },
      'criteria[2].criterionId',
    ],
    [
      'a criterion name twice',
      { criteria: [...criteria, { criterionId: 'again', name: 'Next step agreed' }] },
      'criteria[2].name',
    ],
    ['a scale ending where it starts', { scale: { min: 3, max: 3 } }, 'scale.max'],
  ])('refuses %s, naming %s', (_label, changes, field) => {
    spec.given([]).when(setRubric(changes)).thenThrows(CoachingError, invalidField(field));
  });

  it("refuses another division's rubric as not found", () => {
    spec
      .given([rubricSet(1)])
      .when(setRubric({}, { ...metadata, divisionId: 'south' }))
      .thenThrows(CoachingError, { code: CoachingErrorCode.NotFound });
  });
});
