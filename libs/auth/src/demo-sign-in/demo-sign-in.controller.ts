import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { PublicRoute } from '@salesos/http';
import { type DemoCaller, DemoSignIn } from './demo-sign-in';
import { DemoTokenRequest } from './demo-token.request.dto';

function callerOf(request: Request): DemoCaller {
  return {
    remoteAddress: request.socket.remoteAddress,
    forwarded: request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined,
  };
}

/** The embedded mode's sign-in: the dashboard lists the demo users and takes a token for the one picked. */
@ApiTags('demo sign-in')
@Controller('demo')
export class DemoSignInController {
  constructor(@Inject(DemoSignIn) private readonly signIn: DemoSignIn) {}

  @ApiOperation({ description: 'The demo users, one per role (embedded mode, callers on this machine only).' })
  @PublicRoute()
  @Get('users')
  users(@Req() request: Request) {
    return { items: this.signIn.usersFor(callerOf(request)) };
  }

  @ApiOperation({ description: 'A bearer token for a demo user, valid 8 hours (embedded mode, this machine only).' })
  @PublicRoute()
  @Post('tokens')
  @HttpCode(201)
  token(@Body() body: DemoTokenRequest, @Req() request: Request) {
    return this.signIn.issue(body.userId, callerOf(request));
  }
}
