import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import type { OnboardingTask } from '../domain/onboarding-plan';
import { PersonStreams } from './person-streams';

/** Sets a person's onboarding plan, or revises it keeping the tasks already done. */
@Injectable()
export class SetOnboardingPlanHandler {
  constructor(@Inject(PersonStreams) private readonly people: PersonStreams) {}

  execute(personId: string, tasks: OnboardingTask[], caller: RequestContext, expectedVersion?: number) {
    return this.people.run(personId, caller, expectedVersion, { type: 'SetOnboardingPlan', data: { tasks } });
  }
}
