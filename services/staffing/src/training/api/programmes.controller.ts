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
  ProblemResponses,
  type RequestContext,
  RequireRoles,
  versionedAnswer,
} from '@salesos/http';
import { DefineProgrammeHandler } from '../application/define-programme.handler';
import { ProgrammeCatalogue } from '../application/programme-catalogue.port';
import { ReadProgrammeQuery } from '../application/read-programme.query';
import { RetireProgrammeHandler } from '../application/retire-programme.handler';
import { ReviseProgrammeHandler } from '../application/revise-programme.handler';
import type { ProgrammeDefinition } from '../domain/programme.events';
import { CatalogueListQuery, CatalogueRetirementRequest } from './course.request.dto';
import { DefineProgrammeRequest, ReviseProgrammeRequest } from './programme.request.dto';

const programmeIdParam = new IdParam('programmeId');

const definitionOf = (body: ReviseProgrammeRequest): ProgrammeDefinition => ({
  title: body.title,
  courseIds: [...body.courseIds],
});

/**
 * The division's training programmes: paths of courses a person is enrolled in at once. The division's managers,
 * sales directors and admins shape the catalogue; everyone of the organisation reads it.
 */
@DivisionController('training', 'training/programmes')
export class ProgrammesController {
  constructor(
    @Inject(ProgrammeCatalogue) private readonly catalogue: ProgrammeCatalogue,
    @Inject(ReadProgrammeQuery) private readonly readProgramme: ReadProgrammeQuery,
    @Inject(DefineProgrammeHandler) private readonly defineProgramme: DefineProgrammeHandler,
    @Inject(ReviseProgrammeHandler) private readonly reviseProgramme: ReviseProgrammeHandler,
    @Inject(RetireProgrammeHandler) private readonly retireProgramme: RetireProgrammeHandler,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  @ProblemResponses({ 404: 'A course the programme names is not one of the division.' })
  async define(
    @Body() body: DefineProgrammeRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.defineProgramme.execute(
      body.programmeId,
      definitionOf(body),
      caller,
      expectedVersionFrom(ifMatch),
    );
    response.setHeader('Location', `/training/programmes/${body.programmeId}`);
    return versionedAnswer(result, response);
  }

  /** The division's programmes by title. */
  @Get()
  @RequireRoles(...organisationRoles)
  async list(@Query() query: CatalogueListQuery, @Caller() caller: RequestContext) {
    return { items: await this.catalogue.programmesOf(caller.divisionId, query.status) };
  }

  @Get(':programmeId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('programmeId', programmeIdParam) programmeId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { programme, version } = await this.readProgramme.execute(programmeId, caller);
    return versionedAnswer({ state: programme, version }, response);
  }

  /** Its title and courses anew: enrolments from now on take the new courses. */
  @Put(':programmeId')
  @RequireRoles(...divisionSetupRoles)
  async revise(
    @Param('programmeId', programmeIdParam) programmeId: string,
    @Body() body: ReviseProgrammeRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.reviseProgramme.execute(programmeId, definitionOf(body), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  /** No one is enrolled in it from now on; enrolments made through it stay as they are. */
  @Post(':programmeId/retirement')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async retire(
    @Param('programmeId', programmeIdParam) programmeId: string,
    @Body() body: CatalogueRetirementRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.retireProgramme.execute(programmeId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
