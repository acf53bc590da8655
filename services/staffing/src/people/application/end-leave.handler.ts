import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { EndLeave } from '../domain/person.commands';
import { PersonStreams } from './person-streams';

/** Ends a person's open leave on their first day back at work. */
@Injectable()
export class EndLeaveHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, leaveEnd: EndLeave['data'], caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, { type: 'EndLeave', data: leaveEnd });
  }
}
