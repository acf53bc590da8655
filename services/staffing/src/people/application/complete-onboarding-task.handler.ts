import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { PersonStreams } from './person-streams';

/** Ticks a task of a person's onboarding plan; the caller is recorded as who ticked it. */
@Injectable()
export class CompleteOnboardingTaskHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, taskId: string, caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, {
      type: 'CompleteOnboardingTask',
      data: { taskId, completedBy: caller.actor.userId },
    });
  }
}
