import { Inject, Injectable } from '@nestjs/common';
import type { RegistrationAnswer } from '../domain/registration.commands';
import { RegistrationStreams, systemCaller } from './registration-streams';

/** Records the leads service's answer to a registration (DealRegistrationAccepted / DealRegistrationConflicted). */
@Injectable()
export class RecordRegistrationAnswerHandler {
  constructor(@Inject(RegistrationStreams) private readonly registrations: RegistrationStreams) {}

  execute(registrationId: string, divisionId: string, answer: RegistrationAnswer, messageId: string) {
    return this.registrations.runAsSystem(registrationId, systemCaller(divisionId, 'leads-events', messageId), {
      type: 'RecordRegistrationAnswer',
      data: answer,
    });
  }
}
