import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { PlansModule } from '../plans';
import { RegistrationsController } from './api/registrations.controller';
import { LapseRegistrationHandler } from './application/lapse-registration.handler';
import { ReadRegistrationQuery } from './application/read-registration.query';
import { RecordRegistrationAnswerHandler } from './application/record-registration-answer.handler';
import { RecordRegistrationOutcomeHandler } from './application/record-registration-outcome.handler';
import { RecordRegistrationProgressHandler } from './application/record-registration-progress.handler';
import { RegistrationDeals } from './application/registration-deals.port';
import { RegistrationLapses } from './application/registration-lapses';
import { RegistrationList } from './application/registration-list.port';
import { RegistrationStreams } from './application/registration-streams';
import { SubmitRegistrationHandler } from './application/submit-registration.handler';
import { LeadsEventsConsumer } from './messaging/leads-events.consumer';
import { RegistrationDealsTable } from './projections/registration-deals.table';
import { RegistrationsTable } from './projections/registrations.table';

/**
 * Deal registrations: submitted by dealers, answered by the leads service, followed through the deal to its
 * outcome or lapsed by a durable timer; and the one consumer of everything the leads service tells this service.
 */
@Module({
  imports: [DealersModule, PlansModule],
  controllers: [RegistrationsController, LeadsEventsConsumer],
  providers: [
    RegistrationsTable,
    { provide: RegistrationList, useExisting: RegistrationsTable },
    RegistrationDealsTable,
    { provide: RegistrationDeals, useExisting: RegistrationDealsTable },
    RegistrationStreams,
    ReadRegistrationQuery,
    SubmitRegistrationHandler,
    RecordRegistrationAnswerHandler,
    RecordRegistrationProgressHandler,
    RecordRegistrationOutcomeHandler,
    LapseRegistrationHandler,
    RegistrationLapses,
  ],
})
export class RegistrationsModule {}
