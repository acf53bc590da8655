import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { HirePerson } from '../domain/person.commands';
import { PersonStreams } from './person-streams';
import { Placements } from './placements.port';

/** A hire as the caller gives it: the person's id is theirs to choose (an employee number) or the server's. */
export type Hire = Omit<HirePerson['data'], 'personId' | 'divisionId'> & { personId?: string };

/**
 * Hires a person into one of the division's open units and positions; they join the unit from their first day. The
 * person's id is the caller's, or the server's (derived from the Idempotency-Key when one is given, so that a
 * repeated request hires once).
 */
@Injectable()
export class HirePersonHandler {
  constructor(
    @Inject(PersonStreams) private readonly people: PersonStreams,
    @Inject(Placements) private readonly placements: Placements,
  ) {}

  async execute(hire: Hire, caller: RequestContext, expectedVersion?: number) {
    await this.placements.requirePlacement(caller.divisionId, hire, hire.hiredOn);
    const personId = hire.personId ?? this.people.newId(caller, 'person');
    const result = await this.people.run(
      personId,
      caller,
      expectedVersion,
      { type: 'HirePerson', data: { ...hire, personId, divisionId: caller.divisionId } },
      hire.personId === undefined,
    );
    return { personId, ...result };
  }
}
