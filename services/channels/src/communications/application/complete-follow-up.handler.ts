import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { ContactStreams } from './contact-streams';

/** Records that someone got back to the dealer as the contact agreed. */
@Injectable()
export class CompleteFollowUpHandler {
  constructor(@Inject(ContactStreams) private readonly contacts: ContactStreams) {}

  execute(
    contactId: string,
    completion: { completedAt: string; note: string },
    caller: RequestContext,
    expectedVersion?: number,
  ) {
    return this.contacts.run(contactId, caller, expectedVersion, { type: 'CompleteFollowUp', data: completion });
  }
}
