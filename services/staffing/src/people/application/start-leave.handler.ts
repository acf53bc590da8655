import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { StartLeave } from '../domain/person.commands';
import { PersonStreams } from './person-streams';

/** Puts a person on leave from a day, which may lie in the future. */
@Injectable()
export class StartLeaveHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, leave: StartLeave['data'], caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, { type: 'StartLeave', data: leave });
  }
}
