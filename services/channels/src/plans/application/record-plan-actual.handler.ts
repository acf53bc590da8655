import { Inject, Injectable } from '@nestjs/common';
import type { Money } from '@salesos/kernel';
import type { MessagingLogger } from '@salesos/messaging';
import { CHANNELS_LOGGER } from '../../core/channels-service.tokens';
import { PlanError } from '../domain/plan.errors';
import { dealerPlanId, PlanStreams } from './plan-streams';

/** A deal won through a dealer, as the leads service told it (OpportunityWon), to count against the dealer's plan. */
export interface WonDealActual {
  divisionId: string;
  dealerId: string;
  opportunityId: string;
  value: Money;
  units: number;
  productGroup: string;
  wonAt: string;
  /** The message that told of the win: the command's id, so that a redelivery records nothing twice. */
  messageId: string;
}

/** The plan period a win counts against: the calendar year (UTC) it was won in. */
export const planPeriodOfWin = (wonAt: string): string => String(new Date(wonAt).getUTCFullYear());

/**
 * Records a won deal against the dealer's plan for the year of the win. A dealer without a plan for that year has
 * nothing to count it against: the win is logged and skipped. Returns whether anything was recorded.
 */
@Injectable()
export class RecordPlanActualHandler {
  constructor(
    @Inject(PlanStreams) private readonly plans: PlanStreams,
    @Inject(CHANNELS_LOGGER) private readonly logger: MessagingLogger,
  ) {}

  async execute(actual: WonDealActual): Promise<boolean> {
    const period = planPeriodOfWin(actual.wonAt);
    const id = dealerPlanId(actual.dealerId, period);
    const { state } = await this.plans.load(id);
    if (state.status === 'none' || state.divisionId !== actual.divisionId) {
      this.logger.info('won deal not counted: the dealer has no plan for the year', {
        dealerId: actual.dealerId,
        divisionId: actual.divisionId,
        period,
        opportunityId: actual.opportunityId,
      });
      return false;
    }
    try {
      const result = await this.plans.run(
        id,
        {
          divisionId: actual.divisionId,
          actor: { userId: 'system:leads-events', roles: [] },
          idempotencyKey: actual.messageId,
          idempotencyScope: 'leads-events',
        },
        undefined,
        {
          type: 'RecordPlanActual',
          data: {
            opportunityId: actual.opportunityId,
            value: actual.value,
            units: actual.units,
            productGroup: actual.productGroup,
            wonAt: actual.wonAt,
          },
        },
      );
      return result.events.length > 0;
    } catch (error) {
      // A win the plan cannot take (another currency) is the leads service's fact all the same: logged, not retried.
      if (!(error instanceof PlanError)) throw error;
      this.logger.warn('won deal not counted against the plan', {
        dealerId: actual.dealerId,
        period,
        opportunityId: actual.opportunityId,
        reason: error.message,
      });
      return false;
    }
  }
}
