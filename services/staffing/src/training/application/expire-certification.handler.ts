import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@salesos/http';
import { TrainingStreams } from './training-streams';

/** Records that a person's certification of a course, the one expiring on `expiresOn`, has expired. */
@Injectable()
export class ExpireCertificationHandler {
  constructor(@Inject(TrainingStreams) private readonly trainings: TrainingStreams) {}

  execute(personId: string, courseId: string, expiresOn: string, caller: RequestContext, expectedVersion?: number) {
    return this.trainings.run(personId, caller, expectedVersion, {
      type: 'ExpireCertification',
      data: { courseId, expiresOn },
    });
  }
}
