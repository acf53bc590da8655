import { pooledReadiness, readinessScore } from './readiness';
import type { TrainingEvent } from './training.events';
import { assessed, granted } from './training.fixture';
import { evolveTraining, type TrainingState } from './training.state';

const fold = (events: readonly TrainingEvent[]): TrainingState =>
  events.reduce<TrainingState>(evolveTraining, { status: 'none' });

const rep = fold([
  assessed(),
  granted('negotiation-101', '2026-03-09', '2027-03-09'),
  assessed({ assessmentId: 'a-2', courseId: 'product-basics', assessedOn: '2026-06-01' }),
  granted('product-basics', '2026-06-01', '2026-12-01', { assessmentId: 'a-2', validityMonths: 6 }),
]);
const required = ['product-basics', 'negotiation-101', 'crm-hygiene', 'closing-201'];

describe('readinessScore', () => {
  it('is the share of required certifications held valid at the date, naming the missing ones', () => {
    expect(readinessScore(required, rep, '2026-07-01')).toEqual({
      score: 0.5,
      held: ['product-basics', 'negotiation-101'],
      missing: ['crm-hygiene', 'closing-201'],
    });
  });

  it('counts an expired certification as missing', () => {
    expect(readinessScore(required, rep, '2026-12-01')).toEqual({
      score: 0.25,
      held: ['negotiation-101'],
      missing: ['product-basics', 'crm-hygiene', 'closing-201'],
    });
  });

  it('is 1 when nothing is required, and 0 for a person without a record', () => {
    expect(readinessScore([], rep, '2026-07-01')).toEqual({ score: 1, held: [], missing: [] });
    expect(readinessScore(['negotiation-101'], { status: 'none' }, '2026-07-01')).toEqual({
      score: 0,
      held: [],
      missing: ['negotiation-101'],
    });
  });

  it('counts a certification that never expires as held at any later date', () => {
    const forGood = fold([assessed({ courseId: 'crm-hygiene' }), granted('crm-hygiene', '2026-03-09', undefined)]);
    expect(readinessScore(['crm-hygiene', 'closing-201'], forGood, '2046-01-01')).toEqual({
      score: 0.5,
      held: ['crm-hygiene'],
      missing: ['closing-201'],
    });
    expect(readinessScore(['crm-hygiene'], forGood, '2026-03-08').score).toBe(0);
  });

  it('counts a course required twice once', () => {
    expect(readinessScore(['negotiation-101', 'negotiation-101', 'crm-hygiene'], rep, '2026-07-01')).toMatchObject({
      score: 0.5,
      missing: ['crm-hygiene'],
    });
  });
});

describe('pooledReadiness', () => {
  it("is the share of all the people's required certifications they hold, each requirement counted once", () => {
    const people = [
      readinessScore(required, rep, '2026-07-01'),
      readinessScore(['negotiation-101'], rep, '2026-07-01'),
      readinessScore([], rep, '2026-07-01'),
      readinessScore(['crm-hygiene'], { status: 'none' }, '2026-07-01'),
    ];
    expect(pooledReadiness(people)).toEqual({ score: 0.5, held: 3, required: 6 });
  });

  it('is 1 for nobody, or for people whose positions require nothing', () => {
    expect(pooledReadiness([])).toEqual({ score: 1, held: 0, required: 0 });
    expect(pooledReadiness([readinessScore([], rep, '2026-07-01')])).toEqual({ score: 1, held: 0, required: 0 });
  });
});
