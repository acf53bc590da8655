import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  expectedVersionFrom,
  IdParam,
  IfMatch,
  organisationRoles,
  type RequestContext,
  RequireRoles,
  versionedAnswer,
} from '@salesos/http';
import { CourseCatalogue } from '../application/course-catalogue.port';
import { DefineCourseHandler } from '../application/define-course.handler';
import { ReadCourseQuery } from '../application/read-course.query';
import { RetireCourseHandler } from '../application/retire-course.handler';
import { ReviseCourseHandler } from '../application/revise-course.handler';
import type { CourseDefinition } from '../domain/course.events';
import {
  CatalogueListQuery,
  DefineCourseRequest,
  CatalogueRetirementRequest,
  ReviseCourseRequest,
} from './course.request.dto';

const courseIdParam = new IdParam('courseId');

const definitionOf = (body: ReviseCourseRequest): CourseDefinition => ({
  title: body.title,
  skills: [...body.skills],
  passMark: body.passMark,
  ...(body.certificationValidityMonths === undefined
    ? {}
    : { certificationValidityMonths: body.certificationValidityMonths }),
});

/**
 * The division's training courses: what each teaches, the score that passes it and how long its certification lasts.
 * The division's managers, sales directors and admins shape the catalogue; everyone of the organisation reads it.
 */
@DivisionController('training', 'training/courses')
export class CoursesController {
  constructor(
    @Inject(CourseCatalogue) private readonly catalogue: CourseCatalogue,
    @Inject(ReadCourseQuery) private readonly readCourse: ReadCourseQuery,
    @Inject(DefineCourseHandler) private readonly defineCourse: DefineCourseHandler,
    @Inject(ReviseCourseHandler) private readonly reviseCourse: ReviseCourseHandler,
    @Inject(RetireCourseHandler) private readonly retireCourse: RetireCourseHandler,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async define(
    @Body() body: DefineCourseRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.defineCourse.execute(
      body.courseId,
      definitionOf(body),
      caller,
      expectedVersionFrom(ifMatch),
    );
    response.setHeader('Location', `/training/courses/${body.courseId}`);
    return versionedAnswer(result, response);
  }

  /** The division's courses by title. */
  @Get()
  @RequireRoles(...organisationRoles)
  async list(@Query() query: CatalogueListQuery, @Caller() caller: RequestContext) {
    return { items: await this.catalogue.coursesOf(caller.divisionId, query.status) };
  }

  @Get(':courseId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('courseId', courseIdParam) courseId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { course, version } = await this.readCourse.execute(courseId, caller);
    return versionedAnswer({ state: course, version }, response);
  }

  /** The whole definition anew; assessments recorded before keep the pass mark they were judged by. */
  @Put(':courseId')
  @RequireRoles(...divisionSetupRoles)
  async revise(
    @Param('courseId', courseIdParam) courseId: string,
    @Body() body: ReviseCourseRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.reviseCourse.execute(courseId, definitionOf(body), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  /** No one is enrolled in it from now on; its assessments are still recorded and what it certified runs its time. */
  @Post(':courseId/retirement')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async retire(
    @Param('courseId', courseIdParam) courseId: string,
    @Body() body: CatalogueRetirementRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.retireCourse.execute(courseId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
