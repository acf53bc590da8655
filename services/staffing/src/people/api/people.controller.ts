import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  Clock,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  IdParam,
  IfMatch,
  organisationRoles,
  pageWindow,
  type RequestContext,
  RequireRoles,
  type Role,
} from '@salesos/http';
import { dayOf } from '../../core/domain/calendar-days';
import { CompleteOnboardingTaskHandler } from '../application/complete-onboarding-task.handler';
import { EndLeaveHandler } from '../application/end-leave.handler';
import { HirePersonHandler } from '../application/hire-person.handler';
import { ListPeopleQuery } from '../application/list-people.query';
import { personNotFound } from '../application/person-streams';
import { ReadPersonQuery } from '../application/read-person.query';
import { RecordDepartureHandler } from '../application/record-departure.handler';
import { SetOnboardingPlanHandler } from '../application/set-onboarding-plan.handler';
import { SetRampScheduleHandler } from '../application/set-ramp-schedule.handler';
import { StartLeaveHandler } from '../application/start-leave.handler';
import { TransferPersonHandler } from '../application/transfer-person.handler';
import { personProfile } from '../domain/person-profile';
import type { PersonState } from '../domain/person.state';
import {
  DepartureRequest,
  EndLeaveRequest,
  HirePersonRequest,
  OnboardingPlanRequest,
  PeopleListQuery,
  RampScheduleRequest,
  StartLeaveRequest,
  TransferPersonRequest,
} from './person.request.dto';

const personIdParam = new IdParam('personId');
const taskIdParam = new IdParam('taskId');

/** Those who look after people day to day: the division-wide roles, and team leads for the people of their units. */
const peopleCareRoles: Role[] = [...divisionSetupRoles, 'team-lead'];

/**
 * The division's people, from hire through onboarding, ramp, transfers and leave to departure. Division managers,
 * sales directors and admins hire, transfer and record departures; they and the team leads of the units a person
 * works in plan onboarding, tick its tasks, set the ramp and record leave. Reads follow reach: a team lead sees the
 * people of the units they manage, a rep their own record, analysts everyone of the division.
 */
@DivisionController('people', 'people')
export class PeopleController {
  constructor(
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ListPeopleQuery) private readonly listPeople: ListPeopleQuery,
    @Inject(ReadPersonQuery) private readonly readPerson: ReadPersonQuery,
    @Inject(HirePersonHandler) private readonly hirePerson: HirePersonHandler,
    @Inject(SetOnboardingPlanHandler) private readonly setPlan: SetOnboardingPlanHandler,
    @Inject(CompleteOnboardingTaskHandler) private readonly completeTask: CompleteOnboardingTaskHandler,
    @Inject(SetRampScheduleHandler) private readonly setRamp: SetRampScheduleHandler,
    @Inject(TransferPersonHandler) private readonly transferPerson: TransferPersonHandler,
    @Inject(StartLeaveHandler) private readonly startLeave: StartLeaveHandler,
    @Inject(EndLeaveHandler) private readonly endLeave: EndLeaveHandler,
    @Inject(RecordDepartureHandler) private readonly recordDeparture: RecordDepartureHandler,
  ) {}

  /** The person's record as it reads today, with the ETag of its version. */
  private answer(personId: string, result: { version: number; state: PersonState }, response: Response) {
    const { state, version } = result;
    if (state.status === 'none') throw personNotFound(personId);
    response.setHeader('ETag', etagFor(version));
    return { ...personProfile(state, dayOf(this.clock.now().toISOString())), version };
  }

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async hire(
    @Body() body: HirePersonRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const hire = {
      ...(body.personId === undefined ? {} : { personId: body.personId }),
      name: body.name,
      email: body.email,
      unitId: body.unitId,
      positionId: body.positionId,
      hiredOn: body.hiredOn,
      ...(body.userId === undefined ? {} : { userId: body.userId }),
    };
    const { personId, ...result } = await this.hirePerson.execute(hire, caller, expectedVersionFrom(ifMatch));
    response.setHeader('Location', `/people/${personId}`);
    return this.answer(personId, result, response);
  }

  /** The division's people on a day (today without asOf), each with their unit, position and standing then. */
  @Get()
  @RequireRoles(...organisationRoles)
  async list(@Query() query: PeopleListQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const filters = {
      ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
      ...(query.unitId === undefined ? {} : { unitId: query.unitId }),
      ...(query.positionId === undefined ? {} : { positionId: query.positionId }),
      ...(query.status === undefined ? {} : { status: query.status }),
    };
    const { items, total, asOf } = await this.listPeople.execute(filters, caller, offset, pageSize);
    return { asOf, items, page, pageSize, total };
  }

  /** The person today: standing, unit and position, ramp share, and their whole history. */
  @Get(':personId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('personId', personIdParam) personId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { person, version } = await this.readPerson.execute(personId, caller);
    return this.answer(personId, { state: person, version }, response);
  }

  @Put(':personId/onboarding-plan')
  @RequireRoles(...peopleCareRoles)
  async plan(
    @Param('personId', personIdParam) personId: string,
    @Body() body: OnboardingPlanRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const tasks = body.tasks.map(({ taskId, title, dueDay }) => ({ taskId, title, dueDay }));
    const result = await this.setPlan.execute(personId, tasks, caller, expectedVersionFrom(ifMatch));
    return this.answer(personId, result, response);
  }

  /** Ticks a task of the plan, recording the caller as who did; ticking it again changes nothing. */
  @Post(':personId/onboarding-plan/tasks/:taskId/completion')
  @RequireRoles(...peopleCareRoles)
  @HttpCode(200)
  async tick(
    @Param('personId', personIdParam) personId: string,
    @Param('taskId', taskIdParam) taskId: string,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.completeTask.execute(personId, taskId, caller, expectedVersionFrom(ifMatch));
    return this.answer(personId, result, response);
  }

  @Put(':personId/ramp-schedule')
  @RequireRoles(...peopleCareRoles)
  async ramp(
    @Param('personId', personIdParam) personId: string,
    @Body() body: RampScheduleRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.setRamp.execute(personId, [...body.monthlyShares], caller, expectedVersionFrom(ifMatch));
    return this.answer(personId, result, response);
  }

  /** Moves the person to another unit or position from a day, which may lie ahead: it takes effect then. */
  @Post(':personId/transfers')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async transfer(
    @Param('personId', personIdParam) personId: string,
    @Body() body: TransferPersonRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const transfer = {
      ...(body.toUnitId === undefined ? {} : { toUnitId: body.toUnitId }),
      ...(body.toPositionId === undefined ? {} : { toPositionId: body.toPositionId }),
      effectiveOn: body.effectiveOn,
      reason: body.reason,
    };
    const result = await this.transferPerson.execute(personId, transfer, caller, expectedVersionFrom(ifMatch));
    return this.answer(personId, result, response);
  }

  @Post(':personId/leave')
  @RequireRoles(...peopleCareRoles)
  @HttpCode(200)
  async leave(
    @Param('personId', personIdParam) personId: string,
    @Body() body: StartLeaveRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const leave = { startsOn: body.startsOn, reason: body.reason };
    return this.answer(
      personId,
      await this.startLeave.execute(personId, leave, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  /** Ends the open leave on the first day back. */
  @Post(':personId/return')
  @RequireRoles(...peopleCareRoles)
  @HttpCode(200)
  async return(
    @Param('personId', personIdParam) personId: string,
    @Body() body: EndLeaveRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const back = { returnsOn: body.returnsOn };
    return this.answer(
      personId,
      await this.endLeave.execute(personId, back, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  /** Records that the person leaves from a day: they leave their unit then; their record stays readable. */
  @Post(':personId/departure')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async depart(
    @Param('personId', personIdParam) personId: string,
    @Body() body: DepartureRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const departure = { departedOn: body.departedOn, reason: body.reason };
    const result = await this.recordDeparture.execute(personId, departure, caller, expectedVersionFrom(ifMatch));
    return this.answer(personId, result, response);
  }
}
