import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { IsString } from 'class-validator';
import { apiDocument, ProblemResponses } from './api-document';
import { knownRoles } from './caller-scope';
import { IfMatch } from './etag';
import { IdempotentWrites, NotIdempotent } from './idempotency';
import { PageQuery } from './page.query';
import { PublicRoute } from './public-route';
import { RequireRoles } from './required-roles';

class Rename {
  @IsString()
  name!: string;
}

@Controller('things')
@RequireRoles('division-manager', 'analyst')
@IdempotentWrites()
class ThingsController {
  @Get()
  list(@Query() _query: PageQuery) {
    return [];
  }

  @Post()
  create(@Body() _body: Rename) {
    return {};
  }

  @Put(':thingId')
  rename(@Param('thingId') _id: string, @Body() _body: Rename, @IfMatch() _ifMatch: string | undefined) {
    return {};
  }

  @Post('purge')
  @RequireRoles('admin')
  @NotIdempotent()
  @ProblemResponses({ 404: 'Nothing to purge.' })
  purge() {
    return {};
  }
}

@Controller()
class OpenController {
  @Get('health/live')
  @PublicRoute()
  live() {
    return { status: 'up' };
  }

  @Get('metrics')
  metrics() {
    return '';
  }
}

async function described() {
  const module = await Test.createTestingModule({ controllers: [ThingsController, OpenController] }).compile();
  const app = module.createNestApplication();
  await app.init();
  const document = apiDocument(app, 'Test', 'Things.');
  await app.close();
  return document;
}

describe('the API description', () => {
  it('says which roles each operation needs, the controller’s unless the method names its own', async () => {
    const { paths } = await described();
    expect(paths['/things']?.get?.description).toBe('Roles: division-manager, analyst.');
    // Analysts only read, whatever the controller names.
    expect(paths['/things']?.post?.description).toBe('Roles: division-manager.');
    expect(paths['/things/purge']?.post?.description).toBe('Roles: admin.');
    expect(Object.keys(paths['/things/purge']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    expect(paths['/health/live']?.get?.security).toEqual([]);
    expect(paths['/health/live']?.get?.responses['401']).toBeUndefined();
    expect(paths['/health/live']?.get).not.toHaveProperty('x-salesos-public');
  });

  it('names the roles of every operation that needs a token, all of them when the route names none', async () => {
    const { paths } = await described();
    expect(paths['/metrics']?.get).toMatchObject({ 'x-salesos-roles': [...knownRoles] });
    expect(paths['/metrics']?.get?.description).toBe(`Roles: ${knownRoles.join(', ')}.`);
    expect(paths['/things']?.post).toMatchObject({ 'x-salesos-roles': ['division-manager'] });
    expect(paths['/health/live']?.get).not.toHaveProperty('x-salesos-roles');
  });

  it('declares each problem an operation can answer, from what it takes', async () => {
    const { paths, components } = await described();
    const statuses = (operation: { responses: object } | undefined) =>
      Object.keys(operation?.responses ?? {}).filter((status) => status >= '400');
    expect(statuses(paths['/things']?.get)).toEqual(['400', '401', '403', '413', '415']);
    expect(statuses(paths['/things']?.post)).toEqual(['400', '401', '403', '409', '413', '415', '422']);
    expect(statuses(paths['/things/{thingId}']?.put)).toEqual([
      '400',
      '401',
      '403',
      '404',
      '409',
      '412',
      '413',
      '415',
      '422',
    ]);
    // A problem the operation names itself joins the others, beside its success.
    expect(statuses(paths['/things/purge']?.post)).toEqual(['400', '401', '403', '404', '409', '413', '415']);
    expect(paths['/things/purge']?.post?.responses['201']).toBeDefined();
    expect(paths['/things/purge']?.post).not.toHaveProperty('x-salesos-problems');
    expect(statuses(paths['/health/live']?.get)).toEqual(['400', '413', '415']);
    expect(paths['/things/{thingId}']?.put?.responses['412']).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
    expect(components?.schemas?.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status', 'detail'] });
  });

  it('declares the If-Match and Idempotency-Key headers where they are taken', async () => {
    const { paths } = await described();
    const headers = (operation: { parameters?: unknown[] } | undefined) =>
      (operation?.parameters ?? [])
        .filter((parameter) => (parameter as { in: string }).in === 'header')
        .map((parameter) => (parameter as { name: string }).name)
        .sort();
    expect(headers(paths['/things/{thingId}']?.put)).toEqual(['Idempotency-Key', 'If-Match']);
    expect(headers(paths['/things']?.post)).toEqual(['Idempotency-Key']);
    expect(headers(paths['/things']?.get)).toEqual([]);
    expect(headers(paths['/things/purge']?.post)).toEqual([]);
  });
});
