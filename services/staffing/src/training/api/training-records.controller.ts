import { Body, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IdParam,
  IfMatch,
  leadRoutingRoles,
  organisationRoles,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { EnrolPersonHandler } from '../application/enrol-person.handler';
import { ReadPersonReadinessQuery } from '../application/read-person-readiness.query';
import { ReadTrainingRecordQuery } from '../application/read-training-record.query';
import { RecordAssessmentHandler } from '../application/record-assessment.handler';
import { WithdrawEnrolmentHandler } from '../application/withdraw-enrolment.handler';
import type { TrainingState } from '../domain/training.state';
import {
  EnrolPersonRequest,
  ReadinessQuery,
  RecordAssessmentRequest,
  WithdrawEnrolmentRequest,
} from './training-record.request.dto';

const personIdParam = new IdParam('personId');

/** The record as the API shows it: its enrolments, assessments and certifications, and its version. */
function recordOf(personId: string, divisionId: string, state: TrainingState, version: number) {
  if (state.status === 'none') {
    return { personId, divisionId, enrolments: [], assessments: [], certifications: [], version };
  }
  const { status: _status, ...record } = state;
  return { ...record, version };
}

function answer(
  personId: string,
  caller: RequestContext,
  result: { version: number; state: TrainingState },
  response: Response,
) {
  response.setHeader('ETag', etagFor(result.version));
  return recordOf(personId, caller.divisionId, result.state, result.version);
}

/** The course or the programme the body names, each only when named: the handlers refuse both, or neither. */
const target = (body: { courseId?: string; programmeId?: string }) => ({
  ...(body.courseId === undefined ? {} : { courseId: body.courseId }),
  ...(body.programmeId === undefined ? {} : { programmeId: body.programmeId }),
});

/**
 * A person's training: what they are enrolled in, every assessment they took and the certifications those earned,
 * and how ready they are for their position. The division's managers, sales directors and admins, and the lead of the
 * person's unit, enrol them, record their assessments and withdraw them; the person reads their own.
 */
@DivisionController('training', 'training/people/:personId')
export class TrainingRecordsController {
  constructor(
    @Inject(ReadTrainingRecordQuery) private readonly readRecord: ReadTrainingRecordQuery,
    @Inject(ReadPersonReadinessQuery) private readonly readReadiness: ReadPersonReadinessQuery,
    @Inject(EnrolPersonHandler) private readonly enrolPerson: EnrolPersonHandler,
    @Inject(RecordAssessmentHandler) private readonly recordAssessment: RecordAssessmentHandler,
    @Inject(WithdrawEnrolmentHandler) private readonly withdrawEnrolment: WithdrawEnrolmentHandler,
  ) {}

  /** The person's training record; empty (version 0) while they have none. */
  @Get()
  @RequireRoles(...organisationRoles)
  async get(
    @Param('personId', personIdParam) personId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { status: _status, version, ...record } = await this.readRecord.execute(personId, caller);
    response.setHeader('ETag', etagFor(version));
    return { ...record, version };
  }

  /** Enrols the person in a course, or in a programme's courses still offered; those open already stay as they are. */
  @Post('enrolments')
  @RequireRoles(...leadRoutingRoles)
  @HttpCode(200)
  async enrol(
    @Param('personId', personIdParam) personId: string,
    @Body() body: EnrolPersonRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const enrolment = { ...target(body), enrolledOn: body.enrolledOn };
    const result = await this.enrolPerson.execute(personId, enrolment, caller, expectedVersionFrom(ifMatch));
    return answer(personId, caller, result, response);
  }

  /** Withdraws the person from a course's open enrolment, or from a programme's open courses, without a pass. */
  @Post('withdrawals')
  @RequireRoles(...leadRoutingRoles)
  @HttpCode(200)
  async withdraw(
    @Param('personId', personIdParam) personId: string,
    @Body() body: WithdrawEnrolmentRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const withdrawal = { ...target(body), reason: body.reason, withdrawnOn: body.withdrawnOn };
    const result = await this.withdrawEnrolment.execute(personId, withdrawal, caller, expectedVersionFrom(ifMatch));
    return answer(personId, caller, result, response);
  }

  /**
   * Records an assessment, judged by the course's pass mark as it stands: a pass completes the open enrolment and
   * certifies for the course's validity (for good without one), unless the certification held lasts as long.
   */
  @Post('assessments')
  @RequireRoles(...leadRoutingRoles)
  @HttpCode(201)
  async assess(
    @Param('personId', personIdParam) personId: string,
    @Body() body: RecordAssessmentRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const assessment = {
      courseId: body.courseId,
      score: body.score,
      assessedBy: body.assessedBy ?? caller.actor.userId,
      assessedOn: body.assessedOn,
    };
    const result = await this.recordAssessment.execute(personId, assessment, caller, expectedVersionFrom(ifMatch));
    const recorded = result.events.find((event) => event.type === 'AssessmentRecorded');
    const assessmentId = recorded?.type === 'AssessmentRecorded' ? recorded.data.assessmentId : undefined;
    return { ...answer(personId, caller, result, response), assessmentId };
  }

  /** The share of the certifications the person's position requires on a day that they hold valid then. */
  @Get('readiness')
  @RequireRoles(...organisationRoles)
  readiness(
    @Param('personId', personIdParam) personId: string,
    @Query() query: ReadinessQuery,
    @Caller() caller: RequestContext,
  ) {
    return this.readReadiness.execute(personId, caller, query.asOf);
  }
}
