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
import { DefinePositionHandler } from '../application/define-position.handler';
import { PositionDirectory } from '../application/position-directory.port';
import { ReadPositionQuery } from '../application/read-position.query';
import { RetirePositionHandler } from '../application/retire-position.handler';
import { RevisePositionHandler } from '../application/revise-position.handler';
import {
  DefinePositionRequest,
  PositionListQuery,
  RetirePositionRequest,
  RevisePositionRequest,
} from './position.request.dto';

const positionIdParam = new IdParam('positionId');

const profileOf = (body: RevisePositionRequest) => ({
  title: body.title,
  duties: [...body.duties],
  requiredCertifications: [...body.requiredCertifications],
});

/**
 * The division's positions: a title, the duties, and the certifications whoever holds it needs. The division's
 * managers, sales directors and admins define, revise and retire them; everyone of the organisation reads them.
 */
@DivisionController('organisation', 'positions')
export class PositionsController {
  constructor(
    @Inject(PositionDirectory) private readonly directory: PositionDirectory,
    @Inject(ReadPositionQuery) private readonly readPosition: ReadPositionQuery,
    @Inject(DefinePositionHandler) private readonly definePosition: DefinePositionHandler,
    @Inject(RevisePositionHandler) private readonly revisePosition: RevisePositionHandler,
    @Inject(RetirePositionHandler) private readonly retirePosition: RetirePositionHandler,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async define(
    @Body() body: DefinePositionRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.definePosition.execute(
      body.positionId,
      profileOf(body),
      caller,
      expectedVersionFrom(ifMatch),
    );
    response.setHeader('Location', `/positions/${body.positionId}`);
    return versionedAnswer(result, response);
  }

  /** The division's positions by title. */
  @Get()
  @RequireRoles(...organisationRoles)
  async list(@Query() query: PositionListQuery, @Caller() caller: RequestContext) {
    return { items: await this.directory.positionsOf(caller.divisionId, query.status) };
  }

  @Get(':positionId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('positionId', positionIdParam) positionId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { position, version } = await this.readPosition.execute(positionId, caller);
    return versionedAnswer({ state: position, version }, response);
  }

  @Put(':positionId')
  @RequireRoles(...divisionSetupRoles)
  async revise(
    @Param('positionId', positionIdParam) positionId: string,
    @Body() body: RevisePositionRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.revisePosition.execute(positionId, profileOf(body), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post(':positionId/retirement')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async retire(
    @Param('positionId', positionIdParam) positionId: string,
    @Body() body: RetirePositionRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.retirePosition.execute(positionId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
