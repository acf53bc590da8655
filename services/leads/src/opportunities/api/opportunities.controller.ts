import { Body, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  type RequestContext,
  UuidParam,
} from '@salesos/http';
import { organisationRoles, RequireRoles, rowScope } from '@salesos/http';
import type { Money } from '@salesos/kernel';
import { pageWindow } from '@salesos/http';
import { csvLine } from '@salesos/http';
import { AttributeChannelHandler } from '../application/attribute-channel.handler';
import { ChangeProductsHandler } from '../application/change-products.handler';
import { LoseOpportunityHandler } from '../application/lose-opportunity.handler';
import { MoveOpportunityStageHandler } from '../application/move-opportunity-stage.handler';
import { OpenOpportunityFromLeadHandler } from '../application/open-opportunity-from-lead.handler';
import {
  OpenOpportunityHandler,
  type OpenOpportunityInput,
  type OpportunityResult,
} from '../application/open-opportunity.handler';
import { OpportunityBoard, type OpportunityFilter } from '../application/opportunity-board.port';
import { OpportunityStreams } from '../application/opportunity-streams';
import { ReadOpportunityQuery } from '../application/read-opportunity.query';
import { ReopenOpportunityHandler } from '../application/reopen-opportunity.handler';
import { ReviseForecastHandler } from '../application/revise-forecast.handler';
import { WinOpportunityHandler } from '../application/win-opportunity.handler';
import type { ChannelAttribution } from '../domain/opportunity.events';
import { ListOpportunitiesQuery, OpportunityAsKnownQuery } from './list-opportunities.query.dto';
import { opportunityCsvColumns, opportunityCsvRow } from './opportunity-csv';
import {
  ChannelRequest,
  LoseRequest,
  MoveStageRequest,
  OpenOpportunityRequest,
  ProductsRequest,
  ReopenRequest,
  ReviseForecastRequest,
  WinRequest,
} from './opportunity.request.dto';

const opportunityIdParam = new UuidParam('opportunityId');
const money = (value: { amount: number; currency: string }): Money => ({
  amount: value.amount,
  currency: value.currency,
});
const channel = (value: ChannelRequest): ChannelAttribution =>
  value.kind === 'dealer' ? { kind: 'dealer', dealerId: value.dealerId as string } : { kind: 'direct' };

function toOpenInput(body: OpenOpportunityRequest): OpenOpportunityInput {
  return {
    accountName: body.accountName,
    pipelineId: body.pipelineId,
    ...(body.stageId === undefined ? {} : { stageId: body.stageId }),
    amount: money(body.amount),
    expectedCloseDate: body.expectedCloseDate,
    products: body.products.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    channel: channel(body.channel),
    ...(body.ownerRepId === undefined ? {} : { ownerRepId: body.ownerRepId }),
  };
}

function opportunityFilter(query: ListOpportunitiesQuery, caller: RequestContext): OpportunityFilter {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const given = Object.entries(filters).filter(([, value]) => value !== undefined);
  const { principal } = caller;
  return {
    ...(Object.fromEntries(given) as Omit<OpportunityFilter, 'divisionId'>),
    divisionId: caller.divisionId,
    ...(principal === undefined ? {} : { scope: rowScope(principal) }),
  };
}

function answer(result: OpportunityResult, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return {
    opportunityId: OpportunityStreams.idOf(result),
    version: result.version,
    status: result.state.status,
  };
}

@DivisionController('opportunities')
export class OpportunitiesController {
  constructor(
    @Inject(OpportunityBoard) private readonly board: OpportunityBoard,
    @Inject(ReadOpportunityQuery) private readonly readOpportunity: ReadOpportunityQuery,
    @Inject(OpenOpportunityHandler) private readonly openOpportunity: OpenOpportunityHandler,
    @Inject(OpenOpportunityFromLeadHandler) private readonly openFromLead: OpenOpportunityFromLeadHandler,
    @Inject(MoveOpportunityStageHandler) private readonly moveOpportunityStage: MoveOpportunityStageHandler,
    @Inject(ReviseForecastHandler) private readonly reviseForecast: ReviseForecastHandler,
    @Inject(ChangeProductsHandler) private readonly changeProducts: ChangeProductsHandler,
    @Inject(AttributeChannelHandler) private readonly attributeChannel: AttributeChannelHandler,
    @Inject(WinOpportunityHandler) private readonly winOpportunity: WinOpportunityHandler,
    @Inject(LoseOpportunityHandler) private readonly loseOpportunity: LoseOpportunityHandler,
    @Inject(ReopenOpportunityHandler) private readonly reopenOpportunity: ReopenOpportunityHandler,
  ) {}

  @Post('opportunities')
  @RequireRoles(...organisationRoles)
  @HttpCode(201)
  async open(
    @Body() body: OpenOpportunityRequest,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.openOpportunity.execute(toOpenInput(body), caller);
    response.setHeader('Location', `/opportunities/${OpportunityStreams.idOf(result)}`);
    return answer(result, response);
  }

  @Post('leads/:leadId/conversion')
  @RequireRoles(...organisationRoles)
  @HttpCode(201)
  async convert(
    @Param('leadId', new UuidParam('leadId')) leadId: string,
    @Body() body: OpenOpportunityRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.openFromLead.execute(leadId, toOpenInput(body), caller, expectedVersionFrom(ifMatch));
    response.setHeader('Location', `/opportunities/${OpportunityStreams.idOf(result)}`);
    return { ...answer(result, response), leadId };
  }

  @Get('opportunities')
  async list(@Query() query: ListOpportunitiesQuery, @Caller() caller: RequestContext) {
    const { page, pageSize, offset } = pageWindow(query);
    const { items, total } = await this.board.find(opportunityFilter(query, caller), offset, pageSize);
    return { items, page, pageSize, total };
  }

  @Get('opportunities/export')
  @ApiProduces('text/csv')
  async export(@Query() query: ListOpportunitiesQuery, @Caller() caller: RequestContext, @Res() response: Response) {
    const { items } = await this.board.find(opportunityFilter(query, caller), 0, Number.MAX_SAFE_INTEGER);
    response.status(200).type('text/csv').setHeader('Content-Disposition', 'attachment; filename="opportunities.csv"');
    response.write(csvLine(opportunityCsvColumns));
    for (const opportunity of items) response.write(csvLine(opportunityCsvRow(opportunity)));
    response.end();
  }

  @Get('opportunities/:opportunityId')
  async get(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Query() query: OpportunityAsKnownQuery,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const asKnownAt = query.asKnownAt === undefined ? undefined : new Date(query.asKnownAt);
    const { opportunity, version } = await this.readOpportunity.execute(opportunityId, caller, asKnownAt);
    response.setHeader('ETag', etagFor(version));
    return { ...opportunity, version };
  }

  @Put('opportunities/:opportunityId/stage')
  async moveStage(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: MoveStageRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.moveOpportunityStage.execute(opportunityId, body.stageId, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post('opportunities/:opportunityId/forecast')
  @HttpCode(200)
  async revise(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: ReviseForecastRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const data = {
      ...(body.amount ? { amount: money(body.amount) } : {}),
      ...(body.expectedCloseDate ? { expectedCloseDate: body.expectedCloseDate } : {}),
      ...(body.effectiveAt ? { effectiveAt: new Date(body.effectiveAt).toISOString() } : {}),
    };
    return answer(
      await this.reviseForecast.execute(opportunityId, data, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Put('opportunities/:opportunityId/products')
  async products(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: ProductsRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const products = body.products.map((line) => ({ productId: line.productId, quantity: line.quantity }));
    return answer(
      await this.changeProducts.execute(opportunityId, products, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Put('opportunities/:opportunityId/channel')
  // The channel a deal goes through is the organisation's call, not the dealer's.
  @RequireRoles(...organisationRoles)
  async attribute(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: ChannelRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.attributeChannel.execute(opportunityId, channel(body), caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post('opportunities/:opportunityId/win')
  @HttpCode(200)
  async win(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: WinRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.winOpportunity.execute(
        opportunityId,
        body.amount ? money(body.amount) : undefined,
        caller,
        expectedVersionFrom(ifMatch),
        body.reason,
      ),
      response,
    );
  }

  @Post('opportunities/:opportunityId/loss')
  @HttpCode(200)
  async lose(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: LoseRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.loseOpportunity.execute(opportunityId, body.reason, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }

  @Post('opportunities/:opportunityId/reopen')
  @HttpCode(200)
  async reopen(
    @Param('opportunityId', opportunityIdParam) opportunityId: string,
    @Body() body: ReopenRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return answer(
      await this.reopenOpportunity.execute(opportunityId, body.stageId, caller, expectedVersionFrom(ifMatch)),
      response,
    );
  }
}
