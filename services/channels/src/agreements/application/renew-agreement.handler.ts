import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { AgreementTermsInput } from '../domain/agreement.commands';
import { AgreementStreams } from './agreement-streams';

/** Renews the latest signed version as a new version, to be signed like any other. */
@Injectable()
export class RenewAgreementHandler {
  constructor(@Inject(AgreementStreams) private readonly agreements: AgreementStreams) {}

  execute(
    agreementId: string,
    renewal: { expiresOn: string; terms?: AgreementTermsInput; effectiveFrom?: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.agreements.run(agreementId, caller, expectedVersion, { type: 'RenewAgreement', data: renewal });
  }
}
