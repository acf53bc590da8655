import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { CHANNELS_REGISTRATION_SETTINGS, type RegistrationSettings } from '../../core/channels-service.tokens';
import { lapseDueAt } from '../domain/registration-lapse';
import { RegistrationStreams } from './registration-streams';

/** A registration as it stands, for a caller who reaches it, with when it lapses if nothing moves. */
@Injectable()
export class ReadRegistrationQuery {
  constructor(
    @Inject(RegistrationStreams) private readonly registrations: RegistrationStreams,
    @Inject(CHANNELS_REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async execute(registrationId: string, caller: RequestContext) {
    const { state, version } = await this.registrations.read(registrationId, caller);
    return { state, version, lapseDueAt: lapseDueAt(state, this.settings.lapseAfterDays) };
  }
}
