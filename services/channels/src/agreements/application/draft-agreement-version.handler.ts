import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerDirectory } from '../../dealers';
import type { AgreementTermsInput } from '../domain/agreement.commands';
import { AgreementStreams } from './agreement-streams';

export interface AgreementVersionDraft {
  dealerId: string;
  terms: AgreementTermsInput;
  effectiveFrom: string;
  expiresOn: string;
}

/** Drafts a version of an agreement with one of the division's dealers; the first draft opens the agreement. */
@Injectable()
export class DraftAgreementVersionHandler {
  constructor(
    @Inject(AgreementStreams) private readonly agreements: AgreementStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(agreementId: string, draft: AgreementVersionDraft, caller: RequestContext, expectedVersion?: number) {
    await this.dealers.requirePartner(caller.divisionId, draft.dealerId);
    return this.agreements.run(agreementId, caller, expectedVersion, {
      type: 'DraftAgreementVersion',
      data: { agreementId, divisionId: caller.divisionId, ...draft },
    });
  }
}
