import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { TrainingStreams } from './training-streams';

/** What a person leaves: one course's enrolment, or a programme's open courses (one of the two), and why. */
export interface WithdrawalRequest {
  courseId?: string;
  programmeId?: string;
  reason: string;
  withdrawnOn: string;
}

/** Withdraws a person from an open enrolment without a pass. */
@Injectable()
export class WithdrawEnrolmentHandler {
  constructor(@Inject(TrainingStreams) private readonly trainings: TrainingStreams) {}

  execute(personId: string, withdrawal: WithdrawalRequest, caller: RequestContext, expectedVersion?: number) {
    return this.trainings.run(personId, caller, expectedVersion, { type: 'WithdrawEnrolment', data: withdrawal });
  }
}
