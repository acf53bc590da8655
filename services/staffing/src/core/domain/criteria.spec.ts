import { criteriaProblem, repeatedAt, scoresProblem } from './criteria';

const criteria = [
  { criterionId: 'discovery', name: 'Discovery questions' },
  { criterionId: 'next-step', name: 'Next step agreed' },
];
const ids = criteria.map((criterion) => criterion.criterionId);
const scale = { min: 1, max: 5 };

describe('criteria', () => {
  it('accepts criteria listed once each', () => expect(criteriaProblem(criteria)).toBeUndefined());

  it('refuses none', () => expect(criteriaProblem([])?.field).toBe('criteria'));

  it('refuses an id listed twice, naming its place', () => {
    expect(criteriaProblem([...criteria, { criterionId: 'discovery', name: 'Other' }])?.field).toBe(
      'criteria[2].criterionId',
    );
  });

  it('refuses a name listed twice in another case, naming its place', () => {
    expect(
      criteriaProblem([...criteria, { criterionId: 'other', name: ' next STEP agreed' }], 'rubric.criteria')?.field,
    ).toBe('rubric.criteria[2].name');
  });

  it('finds the first value listed again', () => {
    expect(repeatedAt(['a', 'b', 'a', 'b'])).toBe(2);
    expect(repeatedAt(['a', 'b'])).toBe(-1);
  });
});

describe('scores', () => {
  const score = (criterionId: string, value: number) => ({ criterionId, score: value });

  it('accepts every criterion scored once, in any order', () => {
    expect(scoresProblem([score('next-step', 5), score('discovery', 1)], ids, scale)).toBeUndefined();
  });

  it.each([
    ['a criterion the list does not have', [score('discovery', 3), score('closing', 3)], 'scores[1].criterionId'],
    ['a criterion scored twice', [score('discovery', 3), score('discovery', 4)], 'scores[1].criterionId'],
    ['a score above the scale', [score('discovery', 6), score('next-step', 3)], 'scores[0].score'],
    ['a score below the scale', [score('discovery', 3), score('next-step', 0)], 'scores[1].score'],
    ['a score between whole numbers', [score('discovery', 3.5), score('next-step', 3)], 'scores[0].score'],
    ['a criterion left out', [score('discovery', 3)], 'scores'],
  ])('refuses %s', (_label, scores, field) => {
    expect(scoresProblem(scores, ids, scale)?.field).toBe(field);
  });

  it('lists the criteria left out', () => {
    expect(scoresProblem([], ids, scale)?.message).toBe('Every criterion is scored; not scored: discovery, next-step');
  });
});
