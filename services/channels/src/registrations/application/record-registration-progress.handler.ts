import { Inject, Injectable } from '@nestjs/common';
import { RegistrationStreams, systemCaller } from './registration-streams';

/** Records that the registered deal moved (OpportunityOpened, OpportunityStageChanged): the lapse clock restarts. */
@Injectable()
export class RecordRegistrationProgressHandler {
  constructor(@Inject(RegistrationStreams) private readonly registrations: RegistrationStreams) {}

  execute(
    registrationId: string,
    divisionId: string,
    progress: { opportunityId: string; stage: string; at: string },
    messageId: string,
  ) {
    return this.registrations.runAsSystem(registrationId, systemCaller(divisionId, 'leads-events', messageId), {
      type: 'RecordRegistrationProgress',
      data: progress,
    });
  }
}
