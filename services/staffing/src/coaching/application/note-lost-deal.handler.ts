import { Inject, Injectable } from '@nestjs/common';
import type { ContractData, IntegrationEvent, OpportunityLostV1 } from '@salesos/contracts';
import { type CommandResult, deterministicUuid } from '@salesos/event-sourcing';
import type { CoachingRecordState } from '../domain/coaching-record.decider';
import type { CoachingRecordEvent } from '../domain/coaching-record.events';
import { defaultLossRule } from '../domain/loss-patterns';
import { CoachingRecordStreams, systemCaller } from './coaching-record-streams';
import { DealOwners } from './deal-owners.port';

export type OpportunityLost = IntegrationEvent<ContractData<typeof OpportunityLostV1>>;

/**
 * Notes a deal the leads service reports lost on its owner's coaching record, and raises a coaching suggestion in
 * the same append when the loss completes a pattern. The leads event's id makes the command's id, so a redelivery
 * appends nothing. A deal whose owner staffing does not know (no owner, or a user who is no person here) is not
 * noted: the answer is undefined, for the consumer to log.
 */
@Injectable()
export class NoteLostDealHandler {
  constructor(
    @Inject(CoachingRecordStreams) private readonly records: CoachingRecordStreams,
    @Inject(DealOwners) private readonly owners: DealOwners,
  ) {}

  async execute(event: OpportunityLost): Promise<CommandResult<CoachingRecordState, CoachingRecordEvent> | undefined> {
    const { opportunityId, divisionId, reason, lostAt } = event.data;
    const owner = await this.owners.ownerOf(divisionId, opportunityId);
    if (owner === undefined) return undefined;
    const caller = {
      ...systemCaller(divisionId, 'leads-events', event.id),
      ...(event.correlationId === undefined ? {} : { correlationId: event.correlationId }),
    };
    return this.records.run(owner.personId, caller, undefined, {
      type: 'NoteLoss',
      data: {
        personId: owner.personId,
        divisionId,
        ownerRepId: owner.ownerRepId,
        opportunityId,
        reason,
        lostAt,
        sourceEventId: event.id,
        suggestionId: deterministicUuid(`salesos:coaching-suggestion:${event.id}`),
        rule: defaultLossRule,
      },
    });
  }
}
