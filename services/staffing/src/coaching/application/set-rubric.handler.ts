import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { SetRubric } from '../domain/rubric.decider';
import { RubricStreams } from './rubric-streams';

/** Sets the caller's division's coaching rubric as a whole; reviews opened from now on are scored against it. */
@Injectable()
export class SetRubricHandler {
  constructor(@Inject(RubricStreams) private readonly rubrics: RubricStreams) {}

  execute(rubric: Omit<SetRubric['data'], 'divisionId'>, caller: RequestContext, expectedVersion?: number) {
    return this.rubrics.run(caller.divisionId, caller, expectedVersion, {
      type: 'SetRubric',
      data: { divisionId: caller.divisionId, ...rubric },
    });
  }
}
