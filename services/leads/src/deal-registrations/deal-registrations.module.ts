import { Module } from '@nestjs/common';
import type { EventStore } from '@salesos/event-store';
import { Clock } from '@salesos/http';
import { EVENT_STORE } from '../leads-service.tokens';
import { DealRegistrationIntake } from './application/deal-registration-intake';
import { DealRegistrationsConsumer } from './messaging/deal-registrations.consumer';
import { OpenAccounts } from './projections/open-accounts';

@Module({
  controllers: [DealRegistrationsConsumer],
  providers: [
    OpenAccounts,
    {
      provide: DealRegistrationIntake,
      inject: [EVENT_STORE, OpenAccounts, Clock],
      useFactory: (store: EventStore, openAccounts: OpenAccounts, clock: Clock) =>
        new DealRegistrationIntake(store, openAccounts, clock),
    },
  ],
  exports: [OpenAccounts],
})
export class DealRegistrationsModule {}
