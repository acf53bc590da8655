import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerDirectory } from '../../dealers';
import { AgreementRegister } from './agreement-register.port';
import { AgreementStreams } from './agreement-streams';

/** Records the signature of a drafted version: from its effective day its terms apply. */
@Injectable()
export class SignAgreementVersionHandler {
  constructor(
    @Inject(AgreementStreams) private readonly agreements: AgreementStreams,
    @Inject(AgreementRegister) private readonly register: AgreementRegister,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(
    agreementId: string,
    signature: { version: number; signedBy: string; signedOn: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    const agreement = await this.register.agreement(caller.divisionId, agreementId);
    if (agreement !== undefined) await this.dealers.refuseEndedPartner(caller.divisionId, agreement.dealerId);
    return this.agreements.run(agreementId, caller, expectedVersion, {
      type: 'SignAgreementVersion',
      data: signature,
    });
  }
}
