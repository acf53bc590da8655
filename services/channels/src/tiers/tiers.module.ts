import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { DealerTiersController } from './api/dealer-tiers.controller';
import { TierProgrammesController } from './api/tier-programmes.controller';
import { AssignTierHandler } from './application/assign-tier.handler';
import { ConfirmTierChangeHandler } from './application/confirm-tier-change.handler';
import { CorrectTierHandler } from './application/correct-tier.handler';
import { DefineTierProgrammeHandler } from './application/define-tier-programme.handler';
import { ProposeTierChangeHandler } from './application/propose-tier-change.handler';
import { RejectTierProposalHandler } from './application/reject-tier-proposal.handler';
import { TierDirectory } from './application/tier-directory.port';
import { TierProgrammeStreams } from './application/tier-programme-streams';
import { TierRecordStreams } from './application/tier-record-streams';
import { TiersTable } from './projections/tiers.table';

/** The division's tier programmes and the tier each dealer holds over time. */
@Module({
  imports: [DealersModule],
  controllers: [TierProgrammesController, DealerTiersController],
  providers: [
    TierProgrammeStreams,
    TierRecordStreams,
    TiersTable,
    { provide: TierDirectory, useExisting: TiersTable },
    DefineTierProgrammeHandler,
    AssignTierHandler,
    ProposeTierChangeHandler,
    ConfirmTierChangeHandler,
    RejectTierProposalHandler,
    CorrectTierHandler,
  ],
  exports: [TierDirectory],
})
export class TiersModule {}
