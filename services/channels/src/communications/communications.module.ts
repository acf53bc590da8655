import { Module } from '@nestjs/common';
import { DealersModule } from '../dealers';
import { ContactsController } from './api/contacts.controller';
import { CompleteFollowUpHandler } from './application/complete-follow-up.handler';
import { ContactLog } from './application/contact-log.port';
import { ContactStreams } from './application/contact-streams';
import { LogContactHandler } from './application/log-contact.handler';
import { ReadContactsQuery } from './application/read-contacts.query';
import { ContactsTable } from './projections/contacts.table';

/** The communication log with dealers, and the follow-ups and silences it shows. */
@Module({
  imports: [DealersModule],
  controllers: [ContactsController],
  providers: [
    ContactStreams,
    ContactsTable,
    { provide: ContactLog, useExisting: ContactsTable },
    LogContactHandler,
    CompleteFollowUpHandler,
    ReadContactsQuery,
  ],
  exports: [ContactLog],
})
export class CommunicationsModule {}
