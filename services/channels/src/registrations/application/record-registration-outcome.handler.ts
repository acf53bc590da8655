import { Inject, Injectable } from '@nestjs/common';
import { RegistrationStreams, systemCaller } from './registration-streams';

/** Records the registered deal won or lost (OpportunityWon, OpportunityLost). */
@Injectable()
export class RecordRegistrationOutcomeHandler {
  constructor(@Inject(RegistrationStreams) private readonly registrations: RegistrationStreams) {}

  execute(
    registrationId: string,
    divisionId: string,
    outcome: { outcome: 'won' | 'lost'; opportunityId: string; at: string },
    messageId: string,
  ) {
    return this.registrations.runAsSystem(registrationId, systemCaller(divisionId, 'leads-events', messageId), {
      type: 'RecordRegistrationOutcome',
      data: outcome,
    });
  }
}
