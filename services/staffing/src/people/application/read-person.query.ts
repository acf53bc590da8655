import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { Person } from '../domain/person.state';
import { personNotFound, PersonStreams } from './person-streams';

/** One person as their stream has them, if of the caller's division and in their reach; otherwise not found. */
@Injectable()
export class ReadPersonQuery {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  async execute(personId: string, caller: RequestContext): Promise<{ person: Person; version: number }> {
    const { state, version } = await this.people.load(personId);
    if (state.status === 'none' || !(await this.people.inReach(caller, state))) throw personNotFound(personId);
    return { person: state, version };
  }
}
