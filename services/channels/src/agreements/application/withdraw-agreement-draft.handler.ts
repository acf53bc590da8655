import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { AgreementStreams } from './agreement-streams';

/** Withdraws a drafted version that will not be signed. */
@Injectable()
export class WithdrawAgreementDraftHandler {
  constructor(@Inject(AgreementStreams) private readonly agreements: AgreementStreams) {}

  execute(agreementId: string, version: number, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.agreements.run(agreementId, caller, expectedVersion, {
      type: 'WithdrawAgreementDraft',
      data: { version, reason },
    });
  }
}
