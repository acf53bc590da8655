import { Module } from '@nestjs/common';
import { LeadsModule } from '../leads';
import { OpportunitiesModule } from '../opportunities';
import { DecideDealRegistrationHandler } from './application/decide-deal-registration.handler';
import { DealRegistrationsConsumer } from './messaging/deal-registrations.consumer';

/** Deal registration intake: dealers' registrations answered, accepted or in conflict with open accounts. */
@Module({
  imports: [LeadsModule, OpportunitiesModule],
  controllers: [DealRegistrationsConsumer],
  providers: [DecideDealRegistrationHandler],
})
export class DealRegistrationsModule {}
