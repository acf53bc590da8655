import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { PlanCommand, RecordPlanActual, SetDealerPlan } from './plan.commands';
import { planDecider } from './plan.decider';
import { PlanError, PlanErrorCode } from './plan.errors';
import type { PlanEvent } from './plan.events';

const now = '2026-08-15T09:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends PlanCommand>(type: C['type'], data: C['data'], meta = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const plan = { dealerId: 'dealer-3', divisionId: 'north', period: '2026-Q3' };
const planData: SetDealerPlan['data'] = {
  ...plan,
  value: eur(100_000.3),
  units: 12,
  productMix: [
    { productGroup: 'presses', value: eur(80_000.1), units: 2 },
    { productGroup: 'tooling', value: eur(20_000.2), units: 10 },
  ],
  setBy: 'manager-7',
  reason: 'Q3 plan agreed at the dealer review',
};
const set = (changes: Partial<SetDealerPlan['data']> = {}) => command('SetDealerPlan', { ...planData, ...changes });
const planSet = (revision = 1, changes: Partial<SetDealerPlan['data']> = {}): PlanEvent => ({
  type: 'DealerPlanSet',
  data: { ...planData, ...changes, revision, setAt: now },
});
const actualData: RecordPlanActual['data'] = {
  opportunityId: 'opp-1',
  value: eur(40_000),
  units: 1,
  productGroup: 'presses',
  wonAt: '2026-07-20T10:00:00.000Z',
};
const record = (changes: Partial<RecordPlanActual['data']> = {}) =>
  command('RecordPlanActual', { ...actualData, ...changes });
const recorded = (changes: Partial<RecordPlanActual['data']> = {}): PlanEvent => ({
  type: 'PlanActualRecorded',
  data: { ...plan, ...actualData, ...changes, recordedAt: now },
});

const spec = DeciderSpecification.for(planDecider);
const refused = (code: PlanErrorCode, field?: string, message?: RegExp) => (error: Error) =>
  error instanceof PlanError &&
  error.code === code &&
  error.field === field &&
  (message === undefined || message.test(error.message));

describe('dealer sales plan', () => {
  describe('SetDealerPlan', () => {
    it('sets the first revision of the plan', () => {
      spec
        .given([])
        .when(set())
        .then([planSet(1)]);
    });

    it('keeps each revision, numbering the next', () => {
      const revised = {
        value: eur(110_000.3),
        productMix: [{ ...planData.productMix[0]!, value: eur(90_000.1) }, planData.productMix[1]!],
      };
      spec
        .given([planSet(1)])
        .when(set(revised))
        .then([planSet(2, revised)]);
    });

    it('does nothing when the plan is set as it is, whoever sets it and why', () => {
      spec
        .given([planSet(1)])
        .when(set({ setBy: 'manager-8', reason: 'again' }))
        .thenNothingHappens();
    });

    it.each([
      ['a product mix not adding up to the value', { value: eur(100_000) }, 'value'],
      ['a product mix not adding up to the units', { units: 13 }, 'units'],
      ['fractional units', { units: 1.5 }, 'units'],
      [
        'a product group listed twice',
        { productMix: [planData.productMix[0]!, planData.productMix[0]!] },
        'productMix[1].productGroup',
      ],
      [
        'a product group in another currency',
        {
          productMix: [
            planData.productMix[0]!,
            { ...planData.productMix[1]!, value: { amount: 20_000.2, currency: 'USD' } },
          ],
        },
        'productMix[1].value.currency',
      ],
      [
        'negative units in the mix',
        { productMix: [planData.productMix[0]!, { ...planData.productMix[1]!, units: -1 }] },
        'productMix[1].units',
      ],
      ['a period that is none', { period: '2026-Q5' }, 'period'],
      ['a week for a period', { period: '2026-W12' }, 'period'],
    ])('refuses %s, naming the field', (_label, changes, field) => {
      spec.given([]).when(set(changes)).thenThrows(PlanError, refused(PlanErrorCode.InvalidInput, field));
    });

    it('refuses a revision in another currency than the plan’s', () => {
      const usd = (amount: number) => ({ amount, currency: 'USD' });
      spec
        .given([planSet(1)])
        .when(
          set({
            value: usd(100),
            productMix: [{ productGroup: 'presses', value: usd(100), units: 12 }],
          }),
        )
        .thenThrows(PlanError, refused(PlanErrorCode.InvalidInput, 'value.currency', /plan is in EUR/));
    });

    it('refuses a revision of another division’s plan as not found', () => {
      spec
        .given([planSet(1)])
        .when(command('SetDealerPlan', planData, { ...metadata, divisionId: 'south' }))
        .thenThrows(PlanError, refused(PlanErrorCode.NotFound));
    });
  });

  describe('RecordPlanActual', () => {
    it('records a deal won through the dealer in the period', () => {
      spec
        .given([planSet(1)])
        .when(record())
        .then([recorded()]);
    });

    it('counts a deal once: the same deal again does nothing, a changed one supersedes it', () => {
      spec
        .given([planSet(1), recorded()])
        .when(record())
        .thenNothingHappens();
      spec
        .given([planSet(1), recorded()])
        .when(record({ value: eur(42_000) }))
        .then([recorded({ value: eur(42_000) })]);
    });

    it('refuses a deal won outside the period, naming the period', () => {
      for (const wonAt of ['2026-06-30T23:59:59.999Z', '2026-10-01T00:00:00.000Z']) {
        spec
          .given([planSet(1)])
          .when(record({ wonAt }))
          .thenThrows(PlanError, refused(PlanErrorCode.OutsidePeriod, 'wonAt', /2026-Q3 \(2026-07-01 to 2026-09-30\)/));
      }
    });

    it('refuses a deal in another currency, and fractional units', () => {
      spec
        .given([planSet(1)])
        .when(record({ value: { amount: 10, currency: 'CHF' } }))
        .thenThrows(PlanError, refused(PlanErrorCode.InvalidInput, 'value.currency'));
      spec
        .given([planSet(1)])
        .when(record({ units: 0.5 }))
        .thenThrows(PlanError, refused(PlanErrorCode.InvalidInput, 'units'));
    });

    it('refuses a deal for a plan that was never set', () => {
      spec.given([]).when(record()).thenThrows(PlanError, refused(PlanErrorCode.NotFound));
    });
  });
});
