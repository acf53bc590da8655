import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { DealerDirectory } from '../../dealers';
import type { LogContact } from '../domain/contact.commands';
import { ContactStreams } from './contact-streams';

export type ContactEntry = Omit<LogContact['data'], 'contactId' | 'dealerId' | 'divisionId' | 'loggedBy'>;

/**
 * Logs a contact with one of the division's dealers. The contact's id is the server's, or derived from the
 * Idempotency-Key, so that a repeated request logs it once.
 */
@Injectable()
export class LogContactHandler {
  constructor(
    @Inject(ContactStreams) private readonly contacts: ContactStreams,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
  ) {}

  async execute(dealerId: string, entry: ContactEntry, caller: RequestContext) {
    await this.dealers.requireDealer(caller.divisionId, dealerId);
    const contactId = this.contacts.newId(caller, 'contact');
    const result = await this.contacts.run(
      contactId,
      caller,
      undefined,
      {
        type: 'LogContact',
        data: { ...entry, contactId, dealerId, divisionId: caller.divisionId, loggedBy: caller.actor.userId },
      },
      true,
    );
    return { contactId, ...result };
  }
}
