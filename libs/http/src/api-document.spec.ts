import { Controller, Get, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { apiDocument } from './api-document';
import { PublicRoute } from './public-route';
import { RequireRoles } from './required-roles';

@Controller('things')
@RequireRoles('division-manager', 'analyst')
class ThingsController {
  @Get()
  list() {
    return [];
  }

  @Post()
  create() {
    return {};
  }

  @Post('purge')
  @RequireRoles('admin')
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

describe('the API description of access', () => {
  it('says which roles each operation needs, the controller’s unless the method names its own', async () => {
    const module = await Test.createTestingModule({ controllers: [ThingsController, OpenController] }).compile();
    const app = module.createNestApplication();
    await app.init();
    const { paths } = apiDocument(app, 'Test', 'Things.');
    await app.close();

    expect(paths['/things']?.get?.description).toBe('Roles: division-manager, analyst.');
    // Analysts only read, whatever the controller names.
    expect(paths['/things']?.post?.description).toBe('Roles: division-manager.');
    expect(paths['/things/purge']?.post?.description).toBe('Roles: admin.');
    expect(paths['/metrics']?.get?.description).toBe('Roles: any.');
    expect(Object.keys(paths['/things/purge']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    expect(paths['/health/live']?.get?.security).toEqual([]);
    expect(paths['/health/live']?.get?.responses['401']).toBeUndefined();
    expect(paths['/health/live']?.get).not.toHaveProperty('x-salesos-public');
  });
});
