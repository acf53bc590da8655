import type { CommandMetadata, Decider } from '@salesos/event-sourcing';
import { type Money, sameMoney } from '@salesos/kernel';
import { noPeriodMessage, type PeriodBounds, periodBounds } from '../../core/domain/period';
import type { PlanCommand, SetDealerPlan } from './plan.commands';
import { PlanError, PlanErrorCode } from './plan.errors';
import { type PlanEvent, planEvents, type ProductMixLine } from './plan.events';

export interface PlanRevision {
  revision: number;
  value: Money;
  units: number;
  productMix: ProductMixLine[];
  setBy: string;
  reason: string;
  setAt: string;
}

export interface PlanActual {
  opportunityId: string;
  value: Money;
  units: number;
  productGroup: string;
  wonAt: string;
}

export interface DealerPlan {
  status: 'planned';
  dealerId: string;
  divisionId: string;
  period: string;
  /** The plan in force: the latest revision. */
  current: PlanRevision;
  /** Every revision, oldest first, the current one last: the plan's history. */
  revisions: PlanRevision[];
  /** One per won deal, in the order first recorded. */
  actuals: PlanActual[];
}

export type PlanState = { status: 'none' } | DealerPlan;

/** Amounts are summed in cents, so that 0.1 + 0.2 adds up to 0.3 as people expect. */
export const toCents = (amount: number): number => Math.round(amount * 100);

function invalid(message: string, field: string): PlanError {
  return new PlanError(PlanErrorCode.InvalidInput, message, field);
}

function boundsOf(period: string): PeriodBounds {
  const bounds = periodBounds(period);
  if (bounds === undefined) {
    throw invalid(noPeriodMessage(period), 'period');
  }
  return bounds;
}

function wholeUnits(units: number, field: string): void {
  if (!Number.isInteger(units) || units < 0) throw invalid(`must be a whole number, at least 0, not ${units}`, field);
}

/** The product mix must name each group once, in the plan's currency, and add up to the totals. */
function checkPlan(data: SetDealerPlan['data']): void {
  boundsOf(data.period);
  wholeUnits(data.units, 'units');
  let cents = 0;
  let units = 0;
  for (const [at, line] of data.productMix.entries()) {
    if (data.productMix.findIndex((other) => other.productGroup === line.productGroup) !== at) {
      throw invalid(`lists product group '${line.productGroup}' a second time`, `productMix[${at}].productGroup`);
    }
    if (line.value.currency !== data.value.currency) {
      throw invalid(
        `is ${line.value.currency}, but the plan is in ${data.value.currency}`,
        `productMix[${at}].value.currency`,
      );
    }
    wholeUnits(line.units, `productMix[${at}].units`);
    cents += toCents(line.value.amount);
    units += line.units;
  }
  if (cents !== toCents(data.value.amount)) {
    throw invalid(
      `is ${data.value.amount} ${data.value.currency}, but the product mix adds up to ${cents / 100} ${data.value.currency}`,
      'value',
    );
  }
  if (units !== data.units) throw invalid(`is ${data.units}, but the product mix adds up to ${units} units`, 'units');
}

function existing(state: PlanState, metadata: CommandMetadata): DealerPlan {
  const division = metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new PlanError(PlanErrorCode.NotFound, 'No plan for this dealer and period in your division');
  }
  return state;
}

/** A plan's currency is the one its first revision set: revisions and actuals compare in it. */
function inCurrency(plan: DealerPlan, money: Money, field: string): void {
  const currency = plan.current.value.currency;
  if (money.currency !== currency) throw invalid(`is ${money.currency}, but the plan is in ${currency}`, field);
}

const sameMix = (a: readonly ProductMixLine[], b: readonly ProductMixLine[]): boolean =>
  a.length === b.length &&
  a.every((line, at) => {
    const other = b[at];
    return (
      other !== undefined &&
      other.productGroup === line.productGroup &&
      other.units === line.units &&
      sameMoney(other.value, line.value)
    );
  });

/**
 * A dealer's sales plan for one period (value, units, product mix), revised as a whole with every revision kept, and
 * the deals won through the dealer in that period as its actuals.
 */
export const planDecider: Decider<PlanState, PlanCommand, PlanEvent> = {
  events: planEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): PlanEvent[] {
    const now = command.metadata.now;
    if (command.type === 'SetDealerPlan') {
      const data = command.data;
      checkPlan(data);
      let revision = 1;
      if (state.status !== 'none') {
        const plan = existing(state, command.metadata);
        inCurrency(plan, data.value, 'value.currency');
        const { current } = plan;
        if (
          sameMoney(current.value, data.value) &&
          current.units === data.units &&
          sameMix(current.productMix, data.productMix)
        )
          return [];
        revision = current.revision + 1;
      }
      return [{ type: 'DealerPlanSet', data: { ...data, revision, setAt: now } }];
    }
    const plan = existing(state, command.metadata);
    const actual = command.data;
    wholeUnits(actual.units, 'units');
    inCurrency(plan, actual.value, 'value.currency');
    const bounds = boundsOf(plan.period);
    const wonAt = Date.parse(actual.wonAt);
    if (wonAt < Date.parse(bounds.startsAt) || wonAt >= Date.parse(bounds.endsBefore)) {
      throw new PlanError(
        PlanErrorCode.OutsidePeriod,
        `Deal ${actual.opportunityId} was won on ${actual.wonAt}, outside the plan's period ${plan.period} (${bounds.firstDay} to ${bounds.lastDay})`,
        'wonAt',
      );
    }
    const known = plan.actuals.find((recorded) => recorded.opportunityId === actual.opportunityId);
    if (
      known !== undefined &&
      sameMoney(known.value, actual.value) &&
      known.units === actual.units &&
      known.productGroup === actual.productGroup &&
      Date.parse(known.wonAt) === wonAt
    )
      return [];
    return [
      {
        type: 'PlanActualRecorded',
        data: { dealerId: plan.dealerId, divisionId: plan.divisionId, period: plan.period, ...actual, recordedAt: now },
      },
    ];
  },

  evolve(state, event): PlanState {
    switch (event.type) {
      case 'DealerPlanSet': {
        const { dealerId, divisionId, period, ...revision } = event.data;
        if (state.status === 'none') {
          return {
            status: 'planned',
            dealerId,
            divisionId,
            period,
            current: revision,
            revisions: [revision],
            actuals: [],
          };
        }
        return { ...state, current: revision, revisions: [...state.revisions, revision] };
      }
      case 'PlanActualRecorded': {
        if (state.status === 'none') return state;
        const { dealerId: _d, divisionId: _v, period: _p, recordedAt: _at, ...actual } = event.data;
        const at = state.actuals.findIndex((known) => known.opportunityId === actual.opportunityId);
        const actuals = [...state.actuals];
        if (at === -1) actuals.push(actual);
        else actuals[at] = actual;
        return { ...state, actuals };
      }
    }
  },
};
