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
import { AssignUnitManagerHandler } from '../application/assign-unit-manager.handler';
import { CloseUnitHandler } from '../application/close-unit.handler';
import { OpenUnitHandler } from '../application/open-unit.handler';
import { ReadUnitQuery } from '../application/read-unit.query';
import { ReadUnitTreeQuery } from '../application/read-unit-tree.query';
import { ReviseUnitHandler } from '../application/revise-unit.handler';
import {
  AssignUnitManagerRequest,
  CloseUnitRequest,
  OpenUnitRequest,
  ReviseUnitRequest,
  UnitTreeQuery,
} from './unit.request.dto';

const unitIdParam = new IdParam('unitId');

const profileOf = (body: ReviseUnitRequest) => ({
  name: body.name,
  productGroups: [...body.productGroups],
  segments: [...body.segments],
  territories: [...body.territories],
});

/**
 * The division's sales organisation: a tree of departments and teams under the division, each cut by product
 * groups, customer segments and territories, with its managers from a day on. The division's managers, sales
 * directors and admins shape it; everyone of the organisation in the division reads it.
 */
@DivisionController('organisation', 'units')
export class UnitsController {
  constructor(
    @Inject(ReadUnitTreeQuery) private readonly readTree: ReadUnitTreeQuery,
    @Inject(ReadUnitQuery) private readonly readUnit: ReadUnitQuery,
    @Inject(OpenUnitHandler) private readonly openUnit: OpenUnitHandler,
    @Inject(ReviseUnitHandler) private readonly reviseUnit: ReviseUnitHandler,
    @Inject(AssignUnitManagerHandler) private readonly assignManager: AssignUnitManagerHandler,
    @Inject(CloseUnitHandler) private readonly closeUnit: CloseUnitHandler,
  ) {}

  @Post()
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async open(
    @Body() body: OpenUnitRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const opening = {
      unitId: body.unitId,
      kind: body.kind,
      ...(body.parentUnitId === undefined ? {} : { parentUnitId: body.parentUnitId }),
      ...profileOf(body),
      effectiveOn: body.effectiveOn,
    };
    const result = await this.openUnit.execute(opening, caller, expectedVersionFrom(ifMatch));
    response.setHeader('Location', `/units/${body.unitId}`);
    return versionedAnswer(result, response);
  }

  /** The division's units open on a day, each under its parent, with the manager of that day. */
  @Get()
  @RequireRoles(...organisationRoles)
  tree(@Query() query: UnitTreeQuery, @Caller() caller: RequestContext) {
    return this.readTree.execute(caller, query.asOf);
  }

  @Get(':unitId')
  @RequireRoles(...organisationRoles)
  async get(
    @Param('unitId', unitIdParam) unitId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { unit, version } = await this.readUnit.execute(unitId, caller);
    return versionedAnswer({ state: unit, version }, response);
  }

  /** Renames the unit or cuts it anew; its kind and its place in the tree stay. */
  @Put(':unitId')
  @RequireRoles(...divisionSetupRoles)
  async revise(
    @Param('unitId', unitIdParam) unitId: string,
    @Body() body: ReviseUnitRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return versionedAnswer(
      await this.reviseUnit.execute(unitId, profileOf(body), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post(':unitId/managers')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(201)
  async assign(
    @Param('unitId', unitIdParam) unitId: string,
    @Body() body: AssignUnitManagerRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const assignment = { personId: body.personId, effectiveOn: body.effectiveOn };
    return versionedAnswer(
      await this.assignManager.execute(unitId, assignment, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  /** Closes the unit from a day on; refused while anyone belongs to it then, or a unit below it stays open. */
  @Post(':unitId/closure')
  @RequireRoles(...divisionSetupRoles)
  @HttpCode(200)
  async close(
    @Param('unitId', unitIdParam) unitId: string,
    @Body() body: CloseUnitRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const closing = { reason: body.reason, effectiveOn: body.effectiveOn };
    return versionedAnswer(
      await this.closeUnit.execute(unitId, closing, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
