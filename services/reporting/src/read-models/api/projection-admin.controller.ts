import { Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcrossDivisions,
  type ProblemDetails,
  type ProblemMapper,
  problemTypeForCode,
  RequestValidationError,
  RequireRoles,
} from '@salesos/http';
import {
  ProjectionRebuilder,
  RebuildInProgressError,
  type RebuildName,
  rebuildableProjections,
} from '../application/projection-rebuilder';

export enum ProjectionAdminErrorCode {
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

/** Read models span every division, so their administration is the admin's alone and names no division. */
@ApiTags('admin')
@AcrossDivisions()
@RequireRoles('admin')
@Controller('admin/projections')
export class ProjectionAdminController {
  constructor(@Inject(ProjectionRebuilder) private readonly rebuilder: ProjectionRebuilder) {}

  /** Rebuilds a read model from the event history while reports keep answering; 202 with the job to follow. */
  @Post(':name/rebuild')
  @HttpCode(202)
  rebuild(@Param('name') name: string, @Res({ passthrough: true }) response: Response) {
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
  progress(@Param('rebuildId') rebuildId: string) {
    const progress = this.rebuilder.status(rebuildId);
    if (progress === undefined) {
      throw new ProjectionAdminError(ProjectionAdminErrorCode.RebuildNotFound, `No rebuild ${rebuildId}`);
    }
    return progress;
  }
}
