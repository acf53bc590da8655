import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { RecordDeparture } from '../domain/person.commands';
import { PersonStreams } from './person-streams';

/** Records that a person leaves from a day: they leave their unit then, and their record is kept for reading only. */
@Injectable()
export class RecordDepartureHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, departure: RecordDeparture['data'], caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, { type: 'RecordDeparture', data: departure });
  }
}
