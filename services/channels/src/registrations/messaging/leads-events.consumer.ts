import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type ContractData,
  DealRegistrationAcceptedV1,
  DealRegistrationConflictedV1,
  type IntegrationEvent,
  OpportunityChannelAttributedV1,
  OpportunityLostV1,
  OpportunityOpenedV1,
  OpportunityProductsChangedV1,
  OpportunityStageChangedV1,
  OpportunityWonV1,
} from '@salesos/contracts';
import type { MessagingLogger } from '@salesos/messaging';
import { CHANNELS_LOGGER } from '../../core/channels-service.tokens';
import { RecordPlanActualHandler } from '../../plans';
import { RecordRegistrationAnswerHandler } from '../application/record-registration-answer.handler';
import { RecordRegistrationOutcomeHandler } from '../application/record-registration-outcome.handler';
import { RecordRegistrationProgressHandler } from '../application/record-registration-progress.handler';
import { companyKey, RegistrationDeals } from '../application/registration-deals.port';
import { RegistrationList } from '../application/registration-list.port';
import { RegistrationError } from '../domain/registration.errors';

type LeadsEventOf<Contract> = IntegrationEvent<ContractData<Contract>>;

/** The product group a won deal counts under in the plan: its first product line's, when it has one. */
const noProductGroup = 'unassigned';

/**
 * Everything the channels service hears from the leads service, in one consumer (one handler per event type):
 * the answers to deal registrations, the registered deals' progress and outcome, and the deals won through a dealer,
 * counted against the dealer's plan. Each is idempotent: the message id is the command id.
 */
@Controller()
export class LeadsEventsConsumer {
  constructor(
    @Inject(RecordRegistrationAnswerHandler) private readonly answers: RecordRegistrationAnswerHandler,
    @Inject(RecordRegistrationProgressHandler) private readonly progress: RecordRegistrationProgressHandler,
    @Inject(RecordRegistrationOutcomeHandler) private readonly outcomes: RecordRegistrationOutcomeHandler,
    @Inject(RecordPlanActualHandler) private readonly planActuals: RecordPlanActualHandler,
    @Inject(RegistrationDeals) private readonly deals: RegistrationDeals,
    @Inject(RegistrationList) private readonly registrations: RegistrationList,
    @Inject(CHANNELS_LOGGER) private readonly logger: MessagingLogger,
  ) {}

  @EventPattern(DealRegistrationAcceptedV1.type)
  async onAccepted(@Payload() event: LeadsEventOf<typeof DealRegistrationAcceptedV1>): Promise<void> {
    const { registrationId, divisionId, rule, decidedAt } = event.data;
    await this.skippingRefusals(event, () =>
      this.answers.execute(registrationId, divisionId, { answer: 'accepted', rule, decidedAt }, event.id),
    );
  }

  @EventPattern(DealRegistrationConflictedV1.type)
  async onConflicted(@Payload() event: LeadsEventOf<typeof DealRegistrationConflictedV1>): Promise<void> {
    const { registrationId, divisionId, rule, conflictingLeadIds, conflictingOpportunityIds, decidedAt } = event.data;
    await this.skippingRefusals(event, () =>
      this.answers.execute(
        registrationId,
        divisionId,
        { answer: 'conflicted', rule, conflictingLeadIds, conflictingOpportunityIds, decidedAt },
        event.id,
      ),
    );
  }

  @EventPattern(OpportunityOpenedV1.type)
  async onOpened(@Payload() event: LeadsEventOf<typeof OpportunityOpenedV1>): Promise<void> {
    const { opportunityId, divisionId, accountName, products, channel, stageId, openedAt } = event.data;
    const dealerId = channel === 'dealer' ? event.data.dealerId : undefined;
    const accountKey = companyKey(accountName);
    await this.deals.opened({
      opportunityId,
      divisionId,
      ...(dealerId === undefined ? {} : { dealerId }),
      accountKey,
      products: products.map(({ productId, quantity }) => ({ productId, quantity })),
    });
    await this.progressed(event, opportunityId, divisionId, stageId, openedAt);
  }

  @EventPattern(OpportunityChannelAttributedV1.type)
  async onChannelAttributed(@Payload() event: LeadsEventOf<typeof OpportunityChannelAttributedV1>): Promise<void> {
    const { opportunityId, divisionId, channel, dealerId } = event.data;
    await this.deals.attributed(opportunityId, divisionId, channel === 'dealer' ? dealerId : undefined);
  }

  @EventPattern(OpportunityProductsChangedV1.type)
  async onProductsChanged(@Payload() event: LeadsEventOf<typeof OpportunityProductsChangedV1>): Promise<void> {
    const { opportunityId, divisionId, products } = event.data;
    await this.deals.productsChanged(
      opportunityId,
      divisionId,
      products.map(({ productId, quantity }) => ({ productId, quantity })),
    );
  }

  @EventPattern(OpportunityStageChangedV1.type)
  async onStageChanged(@Payload() event: LeadsEventOf<typeof OpportunityStageChangedV1>): Promise<void> {
    const { opportunityId, divisionId, toStage, changedAt } = event.data;
    await this.progressed(event, opportunityId, divisionId, toStage, changedAt);
  }

  @EventPattern(OpportunityWonV1.type)
  async onWon(@Payload() event: LeadsEventOf<typeof OpportunityWonV1>): Promise<void> {
    const { opportunityId, divisionId, amount, wonAt } = event.data;
    const deal = await this.deals.deal(opportunityId);
    const dealerId = event.data.channel === 'dealer' ? (event.data.dealerId ?? deal?.dealerId) : undefined;
    const registrationId = await this.registrations.registrationOfDeal({
      opportunityId,
      divisionId,
      ...(dealerId === undefined ? {} : { dealerId }),
      ...(deal === undefined ? {} : { accountName: deal.accountKey }),
    });
    if (registrationId !== undefined) {
      await this.skippingRefusals(event, () =>
        this.outcomes.execute(registrationId, divisionId, { outcome: 'won', opportunityId, at: wonAt }, event.id),
      );
    }
    if (dealerId === undefined) return;
    const products = deal?.products ?? [];
    await this.planActuals.execute({
      divisionId,
      dealerId,
      opportunityId,
      value: amount,
      units: products.reduce((sum, line) => sum + line.quantity, 0),
      productGroup: products[0]?.productId ?? noProductGroup,
      wonAt,
      messageId: event.id,
    });
  }

  @EventPattern(OpportunityLostV1.type)
  async onLost(@Payload() event: LeadsEventOf<typeof OpportunityLostV1>): Promise<void> {
    const { opportunityId, divisionId, lostAt } = event.data;
    const registrationId = await this.registrationOf(opportunityId, divisionId);
    if (registrationId === undefined) return;
    await this.skippingRefusals(event, () =>
      this.outcomes.execute(registrationId, divisionId, { outcome: 'lost', opportunityId, at: lostAt }, event.id),
    );
  }

  /** The deal moved: the registration it belongs to, if any, records the progress (and is tied to the deal). */
  private async progressed(
    event: IntegrationEvent,
    opportunityId: string,
    divisionId: string,
    stage: string,
    at: string,
  ): Promise<void> {
    const registrationId = await this.registrationOf(opportunityId, divisionId);
    if (registrationId === undefined) return;
    await this.skippingRefusals(event, () =>
      this.progress.execute(registrationId, divisionId, { opportunityId, stage, at }, event.id),
    );
  }

  private async registrationOf(opportunityId: string, divisionId: string): Promise<string | undefined> {
    const deal = await this.deals.deal(opportunityId);
    return this.registrations.registrationOfDeal({
      opportunityId,
      divisionId,
      ...(deal?.dealerId === undefined ? {} : { dealerId: deal.dealerId }),
      ...(deal === undefined ? {} : { accountName: deal.accountKey }),
    });
  }

  /**
   * The leads service's events are facts: one a registration refuses (unknown here, answered otherwise already, or
   * closed) is logged and skipped, not retried forever.
   */
  private async skippingRefusals(event: IntegrationEvent, record: () => Promise<unknown>): Promise<void> {
    try {
      await record();
    } catch (error) {
      if (!(error instanceof RegistrationError)) throw error;
      this.logger.warn('leads event not recorded on a registration', {
        eventId: event.id,
        type: event.type,
        subject: event.subject,
        code: error.code,
        reason: error.message,
      });
    }
  }
}
