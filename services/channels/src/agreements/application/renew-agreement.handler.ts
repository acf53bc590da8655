import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { AgreementTermsInput } from '../domain/agreement.commands';
import { DealerDirectory } from '../../dealers';
import { AgreementRegister } from './agreement-register.port';
import { AgreementStreams } from './agreement-streams';

/** Renews the latest signed version as a new version, to be signed like any other. */
@Injectable()
export class RenewAgreementHandler {
  constructor(
    @Inject(AgreementStreams) private readonly agreements: AgreementStreams,
    @Inject(AgreementRegister) private readonly register: AgreementRegister,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(
    agreementId: string,
    renewal: { expiresOn: string; terms?: AgreementTermsInput; effectiveFrom?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const agreement = await this.register.agreement(caller.divisionId, agreementId);
    if (agreement !== undefined) await this.dealers.refuseEndedPartner(caller.divisionId, agreement.dealerId);
    return this.agreements.run(agreementId, caller, expectedVersion, { type: 'RenewAgreement', data: renewal });
  }
}
