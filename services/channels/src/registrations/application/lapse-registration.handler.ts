import { Inject, Injectable } from '@nestjs/common';
import { CHANNELS_REGISTRATION_SETTINGS, type RegistrationSettings } from '../../core/channels-service.tokens';
import { RegistrationStreams, systemCaller } from './registration-streams';

/**
 * Lapses an accepted registration whose lapse fell due, as of the instant it fell due. The command's id is the
 * registration and that instant, so a timer firing twice (or two replicas) records one lapse.
 */
@Injectable()
export class LapseRegistrationHandler {
  constructor(
    @Inject(RegistrationStreams) private readonly registrations: RegistrationStreams,
    @Inject(CHANNELS_REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  execute(registrationId: string, divisionId: string, dueAt: string) {
    return this.registrations.runAsSystem(registrationId, systemCaller(divisionId, 'lapse-timer', dueAt), {
      type: 'LapseRegistration',
      data: { at: dueAt, lapseAfterDays: this.settings.lapseAfterDays },
    });
  }
}
