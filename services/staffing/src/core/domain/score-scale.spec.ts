import { scaleProblem, withinScale } from './score-scale';

describe('score scales', () => {
  it.each([[{ min: 1, max: 5 }], [{ min: 0, max: 100 }]])('accepts %j', (scale) =>
    expect(scaleProblem(scale)).toBeUndefined(),
  );

  it.each([
    [{ min: 5, max: 5 }, 'scale.max'],
    [{ min: 5, max: 1 }, 'scale.max'],
    [{ min: 1.5, max: 5 }, 'scale.min'],
    [{ min: -1, max: 5 }, 'scale.min'],
    [{ min: 0, max: 101 }, 'scale.max'],
  ])('refuses %j, naming %s', (scale, field) => expect(scaleProblem(scale)?.field).toBe(field));

  it('names the field it was given', () => {
    expect(scaleProblem({ min: 3, max: 2 }, 'rubric.scale')?.field).toBe('rubric.scale.max');
  });

  it('takes the whole numbers from the lowest to the highest', () => {
    const scale = { min: 1, max: 5 };
    expect([0, 1, 3, 5, 6, 2.5].map((score) => withinScale(score, scale))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
