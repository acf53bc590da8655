import type { ContractData, DealRegistrationSubmittedV1, IntegrationEvent } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import type { EventStore, RecordedEvent } from '@salesos/event-store';
import type { Clock } from '@salesos/http';
import {
  type DealRegistrationEvent,
  dealRegistrationDecider,
  type DealRegistrationState,
  type DecideDealRegistration,
} from '../domain/deal-registration.decider';
import type { OpenAccounts } from '../projections/open-accounts';

/** Answers each dealer registration once; the command id is the message id, so a redelivery appends nothing. */
export class DealRegistrationIntake {
  private readonly handler: CommandHandler<DealRegistrationState, DecideDealRegistration, DealRegistrationEvent>;

  constructor(
    store: EventStore,
    private readonly openAccounts: OpenAccounts,
    private readonly clock: Clock,
  ) {
    this.handler = new CommandHandler(store, dealRegistrationDecider);
  }

  async decide(
    event: IntegrationEvent<ContractData<typeof DealRegistrationSubmittedV1>>,
  ): Promise<DealRegistrationEvent[]> {
    const { registrationId, divisionId, dealerId, companyName } = event.data;
    const open = this.openAccounts.openFor(divisionId, companyName);
    const result = await this.handler.handle(`dealregistration-${registrationId}`, {
      type: 'DecideDealRegistration',
      data: {
        registrationId,
        divisionId,
        dealerId,
        companyName,
        openLeadIds: open.leadIds,
        openOpportunityIds: open.opportunityIds,
      },
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

  static isDecision(event: RecordedEvent): boolean {
    return event.metadata.streamId.startsWith('dealregistration-');
  }
}
