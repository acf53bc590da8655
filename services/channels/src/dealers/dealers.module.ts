import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue';
import { DealersController } from './api/dealers.controller';
import { ActivateDealerHandler } from './application/activate-dealer.handler';
import { AddDealerUserHandler } from './application/add-dealer-user.handler';
import { ApplyAsDealerHandler } from './application/apply-as-dealer.handler';
import { ApproveApplicationHandler } from './application/approve-application.handler';
import { DealerDirectory } from './application/dealer-directory.port';
import { DealerList } from './application/dealer-list.port';
import { DealerStreams } from './application/dealer-streams';
import { ReadDealerQuery } from './application/read-dealer.query';
import { ReinstateDealerHandler } from './application/reinstate-dealer.handler';
import { RejectApplicationHandler } from './application/reject-application.handler';
import { RemoveDealerUserHandler } from './application/remove-dealer-user.handler';
import { SuspendDealerHandler } from './application/suspend-dealer.handler';
import { TerminateDealerHandler } from './application/terminate-dealer.handler';
import { TickRequirementHandler } from './application/tick-requirement.handler';
import { DealersTable } from './projections/dealers.table';

/** The division's dealers, from application to termination, which every other channels feature refers to. */
@Module({
  imports: [CatalogueModule],
  controllers: [DealersController],
  providers: [
    DealersTable,
    { provide: DealerDirectory, useExisting: DealersTable },
    { provide: DealerList, useExisting: DealersTable },
    DealerStreams,
    ReadDealerQuery,
    ApplyAsDealerHandler,
    ApproveApplicationHandler,
    RejectApplicationHandler,
    TickRequirementHandler,
    ActivateDealerHandler,
    SuspendDealerHandler,
    ReinstateDealerHandler,
    TerminateDealerHandler,
    AddDealerUserHandler,
    RemoveDealerUserHandler,
  ],
  exports: [DealerDirectory],
})
export class DealersModule {}
