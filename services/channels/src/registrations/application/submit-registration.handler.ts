import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { DealerDirectory } from '../../dealers';
import { RegistrationStreams } from './registration-streams';

export interface RegistrationRequest {
  registrationId?: string;
  dealerId: string;
  companyName: string;
  contactEmail?: string;
  productGroup?: string;
  estimatedValue?: Money;
}

/**
 * Submits a deal registration for an active dealer of the division; the leads service answers it. The id is the
 * caller's, or the server's (derived from the Idempotency-Key when one is given, so that a repeat is recognised).
 */
@Injectable()
export class SubmitRegistrationHandler {
  constructor(
    @Inject(RegistrationStreams) private readonly registrations: RegistrationStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(request: RegistrationRequest, caller: RequestContext, expectedVersion?: number) {
    await this.dealers.requireActiveDealer(caller.divisionId, request.dealerId);
    const generated = request.registrationId === undefined;
    const registrationId = request.registrationId ?? this.registrations.newId(caller, 'registration');
    const { registrationId: _id, ...details } = request;
    const result = await this.registrations.run(
      registrationId,
      caller,
      expectedVersion,
      {
        type: 'SubmitRegistration',
        data: { registrationId, divisionId: caller.divisionId, ...details, submittedBy: caller.actor.userId },
      },
      generated && caller.idempotencyKey === undefined,
    );
    return { registrationId, ...result };
  }
}
