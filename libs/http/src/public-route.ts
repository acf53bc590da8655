import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const publicRouteKey = 'salesos:public-route';

/** Marks a route as open without a token: health checks only (the API description is served outside the guard). */
export const PublicRoute = (): MethodDecorator =>
  applyDecorators(SetMetadata(publicRouteKey, true), ApiExtension('x-salesos-public', true));
