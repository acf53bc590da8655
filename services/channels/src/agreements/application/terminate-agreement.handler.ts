import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { AgreementStreams } from './agreement-streams';

/** Ends an agreement: no terms apply from `effectiveOn` on, and it takes no further change. */
@Injectable()
export class TerminateAgreementHandler {
  constructor(@Inject(AgreementStreams) private readonly agreements: AgreementStreams) {}

  execute(agreementId: string, effectiveOn: string, reason: string, caller: RequestContext, expectedVersion?: number) {
    return this.agreements.run(agreementId, caller, expectedVersion, {
      type: 'TerminateAgreement',
      data: { effectiveOn, reason },
    });
  }
}
