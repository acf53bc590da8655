import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { AgreementsController } from './api/agreements.controller';
import { AgreementRegister } from './application/agreement-register.port';
import { AgreementStreams } from './application/agreement-streams';
import { DraftAgreementVersionHandler } from './application/draft-agreement-version.handler';
import { RenewAgreementHandler } from './application/renew-agreement.handler';
import { SignAgreementVersionHandler } from './application/sign-agreement-version.handler';
import { TerminateAgreementHandler } from './application/terminate-agreement.handler';
import { WithdrawAgreementDraftHandler } from './application/withdraw-agreement-draft.handler';
import { AgreementsTable } from './projections/agreements.table';

/** The cooperation terms with each dealer, version by version. */
@Module({
  imports: [DealersModule],
  controllers: [AgreementsController],
  providers: [
    AgreementStreams,
    AgreementsTable,
    { provide: AgreementRegister, useExisting: AgreementsTable },
    DraftAgreementVersionHandler,
    SignAgreementVersionHandler,
    WithdrawAgreementDraftHandler,
    RenewAgreementHandler,
    TerminateAgreementHandler,
  ],
  exports: [AgreementRegister],
})
export class AgreementsModule {}
