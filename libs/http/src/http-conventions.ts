import type { INestApplication } from '@nestjs/common';
import type { ProblemMapper } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { RequestShapeGuard } from './request-shape.guard';
import { createValidationPipe } from './validation';

/**
 * What every HTTP application of the platform does with requests and errors: the request's shape checked against
 * the operation, strict validation of bodies and queries, and every error as problem details (the feature mappers
 * first).
 */
export function applyHttpConventions(app: INestApplication, mappers: readonly ProblemMapper[]): void {
  app.useGlobalGuards(new RequestShapeGuard());
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(mappers));
}
