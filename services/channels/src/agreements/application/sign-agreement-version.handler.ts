import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { AgreementStreams } from './agreement-streams';

/** Records the signature of a drafted version: from its effective day its terms apply. */
@Injectable()
export class SignAgreementVersionHandler {
  constructor(@Inject(AgreementStreams) private readonly agreements: AgreementStreams) {}

  execute(
    agreementId: string,
    signature: { version: number; signedBy: string; signedOn: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.agreements.run(agreementId, caller, expectedVersion, {
      type: 'SignAgreementVersion',
      data: signature,
    });
  }
}
