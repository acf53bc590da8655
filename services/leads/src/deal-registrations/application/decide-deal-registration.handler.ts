import { Inject, Injectable } from '@nestjs/common';
import type { ContractData, DealRegistrationSubmittedV1, IntegrationEvent } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore } from '@salesos/event-store';
import { Clock } from '@salesos/http';
import { EVENT_STORE } from '../../core/leads-service.tokens';
import { LeadDirectory } from '../../leads';
import { OpportunityBoard } from '../../opportunities';
import {
  type DealRegistrationEvent,
  dealRegistrationDecider,
  type DealRegistrationState,
  type DecideDealRegistration,
} from '../domain/deal-registration.decider';

/**
 * Answers each dealer registration once, against the division's open leads and opportunities of the same company;
 * the command id is the message id, so a redelivery appends nothing.
 */
@Injectable()
export class DecideDealRegistrationHandler {
  private readonly handler: CommandHandler<DealRegistrationState, DecideDealRegistration, DealRegistrationEvent>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LeadDirectory) private readonly leads: LeadDirectory,
    @Inject(OpportunityBoard) private readonly opportunities: OpportunityBoard,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    this.handler = new CommandHandler(store, dealRegistrationDecider);
  }

  async execute(
    event: IntegrationEvent<ContractData<typeof DealRegistrationSubmittedV1>>,
  ): Promise<DealRegistrationEvent[]> {
    const { registrationId, divisionId, dealerId, companyName } = event.data;
    const [openLeadIds, openOpportunityIds] = await Promise.all([
      this.leads.openLeadsOfCompany(divisionId, companyName),
      this.opportunities.openOpportunitiesOfCompany(divisionId, companyName),
    ]);
    const result = await this.handler.handle(`dealregistration-${registrationId}`, {
      type: 'DecideDealRegistration',
      data: { registrationId, divisionId, dealerId, companyName, openLeadIds, openOpportunityIds },
      metadata: {
        commandId: event.id,
        now: this.clock.now().toISOString(),
        divisionId,
        actor: { userId: `dealer:${dealerId}`, roles: ['dealer'] },
        ...(event.correlationId ? { correlationId: event.correlationId } : {}),
        causationId: event.id,
      },
    });
    return result.events;
  }
}
