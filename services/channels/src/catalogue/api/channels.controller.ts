import { Body, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Caller,
  DivisionController,
  divisionSetupRoles,
  etagFor,
  expectedVersionFrom,
  idParam,
  IfMatch,
  type RequestContext,
  RequireRoles,
} from '@salesos/http';
import { ChannelDirectory } from '../application/channel-directory.port';
import { DefineChannelHandler } from '../application/define-channel.handler';
import { RetireChannelHandler } from '../application/retire-channel.handler';
import type { ChannelCatalogue } from '../domain/channel.decider';
import { ChannelError, ChannelErrorCode } from '../domain/channel.errors';
import { DefineChannelRequest, RetireChannelRequest } from './channel.request.dto';

function answer(result: { version: number; state: ChannelCatalogue }, response: Response) {
  response.setHeader('ETag', etagFor(result.version));
  return { version: result.version, items: result.state.channels };
}

/**
 * The division's channels: direct, dealer, distributor, online and retail, each with the product groups and
 * territories it may sell. Everyone in the division reads them; managers, sales directors and admins define them. The
 * catalogue is one record per division, so its ETag moves with any of its channels.
 */
@DivisionController('channels', 'channels')
export class ChannelsController {
  constructor(
    @Inject(ChannelDirectory) private readonly directory: ChannelDirectory,
    @Inject(DefineChannelHandler) private readonly defineChannel: DefineChannelHandler,
    @Inject(RetireChannelHandler) private readonly retireChannel: RetireChannelHandler,
  ) {}

  @Get()
  async list(@Caller() caller: RequestContext, @Res({ passthrough: true }) response: Response) {
    const { version, ...state } = await this.directory.catalogueOf(caller.divisionId);
    return answer({ version, state }, response);
  }

  @Get(':channelId')
  async get(
    @Param('channelId') channelId: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { version, channels } = await this.directory.catalogueOf(caller.divisionId);
    const channel = channels.find((candidate) => candidate.channelId === idParam('channelId', channelId));
    if (channel === undefined) {
      throw new ChannelError(ChannelErrorCode.NotFound, `There is no channel '${channelId}' in your division`);
    }
    response.setHeader('ETag', etagFor(version));
    return channel;
  }

  @Put(':channelId')
  @RequireRoles(...divisionSetupRoles)
  async define(
    @Param('channelId') channelId: string,
    @Body() body: DefineChannelRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const channel = {
      channelId: idParam('channelId', channelId),
      name: body.name,
      kind: body.kind,
      productGroups: [...body.productGroups],
      territories: [...body.territories],
    };
    return answer(await this.defineChannel.execute(channel, caller, expectedVersionFrom(ifMatch)), response);
  }

  @Post(':channelId/retirement')
  @RequireRoles(...divisionSetupRoles)
  async retire(
    @Param('channelId') channelId: string,
    @Body() body: RetireChannelRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.retireChannel.execute(
      idParam('channelId', channelId),
      body.reason,
      caller,
      expectedVersionFrom(ifMatch),
    );
    return answer(result, response);
  }
}
