import { foldEvents } from '@salesos/event-sourcing';
import { planAgainstActual } from './plan-against-actual';
import { planDecider } from './plan.decider';
import type { PlanEvent } from './plan.events';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const plan = { dealerId: 'dealer-3', divisionId: 'north', period: '2026' };
const planSet = (revision: number, presses: number): PlanEvent => ({
  type: 'DealerPlanSet',
  data: {
    ...plan,
    revision,
    value: eur(presses + 20_000),
    units: 12,
    productMix: [
      { productGroup: 'presses', value: eur(presses), units: 2 },
      { productGroup: 'tooling', value: eur(20_000), units: 10 },
    ],
    setBy: 'manager-7',
    reason: 'annual plan',
    setAt: '2026-01-05T09:00:00.000Z',
  },
});
const won = (opportunityId: string, productGroup: string, amount: number, units: number): PlanEvent => ({
  type: 'PlanActualRecorded',
  data: {
    ...plan,
    opportunityId,
    value: eur(amount),
    units,
    productGroup,
    wonAt: '2026-03-01T10:00:00.000Z',
    recordedAt: '2026-03-01T10:00:01.000Z',
  },
});
const against = (events: PlanEvent[]) => planAgainstActual(foldEvents(planDecider, events));

describe('planAgainstActual', () => {
  it('compares the plan in force with the deals won, in total and per product group', () => {
    expect(
      against([
        planSet(1, 60_000),
        won('opp-1', 'presses', 30_000.1, 1),
        won('opp-2', 'tooling', 5_000.2, 4),
        won('opp-3', 'service', 1_000, 0),
        planSet(2, 80_000),
      ]),
    ).toEqual({
      ...{ dealerId: 'dealer-3', period: '2026' },
      revision: 2,
      total: {
        planValue: eur(100_000),
        actualValue: eur(36_000.3),
        valueAttainment: 0.360003,
        planUnits: 12,
        actualUnits: 5,
        unitAttainment: 5 / 12,
      },
      productGroups: [
        {
          productGroup: 'presses',
          planValue: eur(80_000),
          actualValue: eur(30_000.1),
          valueAttainment: 3_000_010 / 8_000_000,
          planUnits: 2,
          actualUnits: 1,
          unitAttainment: 0.5,
        },
        {
          productGroup: 'tooling',
          planValue: eur(20_000),
          actualValue: eur(5_000.2),
          valueAttainment: 500_020 / 2_000_000,
          planUnits: 10,
          actualUnits: 4,
          unitAttainment: 0.4,
        },
        {
          productGroup: 'service',
          planValue: eur(0),
          actualValue: eur(1_000),
          valueAttainment: null,
          planUnits: 0,
          actualUnits: 0,
          unitAttainment: null,
        },
      ],
    });
  });

  it('counts a superseded deal once, with what was last recorded', () => {
    const result = against([
      planSet(1, 80_000),
      won('opp-1', 'presses', 30_000, 1),
      won('opp-1', 'presses', 50_000, 1),
    ]);
    expect(result?.total.actualValue).toEqual(eur(50_000));
    expect(result?.total.actualUnits).toBe(1);
  });

  it('is undefined where no plan was set', () => {
    expect(against([])).toBeUndefined();
  });
});
