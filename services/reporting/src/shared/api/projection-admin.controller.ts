import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Caller,
  type ProblemDetails,
  type ProblemMapper,
  problemTypeForCode,
  type RequestContext,
  RequestValidationError,
} from '@salesos/http';
import { divisionHeaderDescription } from '@salesos/http';
import {
  ProjectionRebuilder,
  RebuildInProgressError,
  type RebuildName,
  rebuildableProjections,
} from '../projection-rebuild';

export enum ProjectionAdminErrorCode {
  Forbidden = 'PROJECTION_ADMIN_FORBIDDEN',
  RebuildNotFound = 'PROJECTION_REBUILD_NOT_FOUND',
  RebuildRunning = 'PROJECTION_REBUILD_RUNNING',
}

export class ProjectionAdminError extends Error {
  constructor(
    readonly code: ProjectionAdminErrorCode,
    message: string,
    readonly running?: string,
  ) {
    super(message);
  }
}

function status(code: ProjectionAdminErrorCode): number {
  switch (code) {
    case ProjectionAdminErrorCode.Forbidden:
      return 403;
    case ProjectionAdminErrorCode.RebuildNotFound:
      return 404;
    case ProjectionAdminErrorCode.RebuildRunning:
      return 409;
  }
}

/** The one mapping of projection admin errors to HTTP. */
export const projectionAdminProblems: ProblemMapper = (error): ProblemDetails | undefined => {
  if (!(error instanceof ProjectionAdminError)) return undefined;
  return {
    type: problemTypeForCode(error.code),
    title: 'Projection administration refused',
    status: status(error.code),
    detail: error.message,
    code: error.code,
    ...(error.running === undefined ? {} : { runningRebuildId: error.running }),
  };
};

/** The admin role, from the verified token. */
function requireAdmin(caller: RequestContext): void {
  if (!caller.actor.roles.includes('admin')) {
    throw new ProjectionAdminError(ProjectionAdminErrorCode.Forbidden, 'Rebuilding read models needs the admin role');
  }
}

@ApiTags('admin')
@ApiHeader({ name: 'X-Division-Id', required: false, description: divisionHeaderDescription })
@Controller('admin/projections')
export class ProjectionAdminController {
  constructor(@Inject(ProjectionRebuilder) private readonly rebuilder: ProjectionRebuilder) {}

  /** Rebuilds a read model from the event history while reports keep answering; 202 with the job to follow. */
  @Post(':name/rebuild')
  @HttpCode(202)
  rebuild(
    @Param('name') name: string,
    @Caller() caller: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    requireAdmin(caller);
    if (!(rebuildableProjections as readonly string[]).includes(name)) {
      throw new RequestValidationError([
        { field: 'name', message: `must be one of ${rebuildableProjections.join(', ')}` },
      ]);
    }
    try {
      const { progress } = this.rebuilder.start(name as RebuildName);
      response.setHeader('Location', `/admin/projections/rebuilds/${progress.rebuildId}`);
      return progress;
    } catch (error) {
      if (!(error instanceof RebuildInProgressError)) throw error;
      throw new ProjectionAdminError(ProjectionAdminErrorCode.RebuildRunning, error.message, error.running.rebuildId);
    }
  }

  @Get('rebuilds/:rebuildId')
  progress(@Param('rebuildId') rebuildId: string, @Caller() caller: RequestContext) {
    requireAdmin(caller);
    const progress = this.rebuilder.status(rebuildId);
    if (progress === undefined) {
      throw new ProjectionAdminError(ProjectionAdminErrorCode.RebuildNotFound, `No rebuild ${rebuildId}`);
    }
    return progress;
  }
}
