import { Body, Controller, Get, Inject, Param, Put, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcrossDivisions,
  AuthenticationError,
  type AuthenticatedRequest,
  etagFor,
  expectedVersionFrom,
  grantsDivision,
  IfMatch,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import { idPattern } from '@salesos/kernel';
import { Organisation } from '../application/organisation.port';
import { RecordDivisionHandler } from '../application/record-division.handler';
import { DivisionError, DivisionErrorCode } from '../domain/division.errors';
import { RecordDivisionRequest } from './record-division.request.dto';

function divisionParam(divisionId: string): string {
  if (!idPattern.test(divisionId)) {
    throw new RequestValidationError([
      { field: 'divisionId', message: 'must be an id of letters, digits and _ . : @ -' },
    ]);
  }
  return divisionId;
}

function principalOf(request: AuthenticatedRequest) {
  if (request.principal === undefined) throw new AuthenticationError('missing');
  return request.principal;
}

/**
 * The sales divisions and who belongs to each. Everyone reads the divisions their token grants; admins record them
 * (until the staffing service publishes people).
 */
@ApiTags('divisions')
@AcrossDivisions()
@Controller('divisions')
export class DivisionsController {
  constructor(
    @Inject(Organisation) private readonly organisation: Organisation,
    @Inject(RecordDivisionHandler) private readonly recordDivision: RecordDivisionHandler,
  ) {}

  @Get()
  async list(@Req() request: AuthenticatedRequest) {
    const principal = principalOf(request);
    const items = (await this.organisation.divisions()).filter((division) =>
      grantsDivision(principal, division.divisionId),
    );
    return { items };
  }

  @Get(':divisionId')
  async get(@Param('divisionId') divisionId: string, @Req() request: AuthenticatedRequest) {
    const principal = principalOf(request);
    const division = await this.organisation.division(divisionParam(divisionId));
    if (division === undefined || !grantsDivision(principal, divisionId)) {
      throw new DivisionError(DivisionErrorCode.NotFound, `There is no division '${divisionId}' in your reach`);
    }
    return division;
  }

  @Put(':divisionId')
  @RequireRoles('admin')
  async record(
    @Param('divisionId') divisionId: string,
    @Body() body: RecordDivisionRequest,
    @Req() request: AuthenticatedRequest,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const principal = principalOf(request);
    const caller = {
      divisionId: divisionParam(divisionId),
      actor: { userId: principal.userId, roles: [...principal.roles] },
    };
    const roster = {
      name: body.name,
      repIds: [...body.repIds],
      teams: body.teams.map((team) => ({ teamId: team.teamId, name: team.name, repIds: [...team.repIds] })),
    };
    const result = await this.recordDivision.execute(divisionId, roster, caller, expectedVersionFrom(ifMatch));
    response.setHeader('ETag', etagFor(result.version));
    return { divisionId, version: result.version };
  }
}
