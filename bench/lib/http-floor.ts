/**
 * The floor under every command of the leads bench: an application with the service's HTTP conventions (token check,
 * request-shape guard, validation pipe, problem details) and one route shaped like "move a deal's stage", which
 * answers without reading or writing anything. Its rate on this machine bounds what any command can reach here,
 * whatever the command does behind the route.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Body, type INestApplication, Module, Param, Put, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString, Length } from 'class-validator';
import type { Response } from 'express';
import { requireTokens, type TokenVerifier } from '@salesos/auth';
import {
  applyHttpConventions,
  Caller,
  DivisionController,
  etagFor,
  expectedVersionFrom,
  IfMatch,
  type RequestContext,
  UuidParam,
} from '@salesos/http';

export const floorPath = (opportunityId: string): string => `/bench-floor/${opportunityId}/stage`;

class FloorMoveRequest {
  @IsString()
  @Length(1, 60)
  stageId!: string;
}

@DivisionController('bench floor', 'bench-floor')
class FloorController {
  @Put(':opportunityId/stage')
  moveStage(
    @Param('opportunityId', new UuidParam('opportunityId')) opportunityId: string,
    @Body() body: FloorMoveRequest,
    @Caller() caller: RequestContext,
    @IfMatch() ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const version = (expectedVersionFrom(ifMatch) ?? 0) + 1;
    response.setHeader('ETag', etagFor(version));
    return { id: opportunityId, divisionId: caller.divisionId, stageId: body.stageId, version };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

export async function startHttpFloor(auth: TokenVerifier): Promise<{ app: INestApplication; port: number }> {
  const app = await NestFactory.create(FloorModule, { logger: ['error', 'warn'] });
  requireTokens(app, auth);
  applyHttpConventions(app, []);
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, port };
}
