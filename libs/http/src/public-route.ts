import { SetMetadata } from '@nestjs/common';

export const publicRouteKey = 'salesos:public-route';

/** Marks a route or controller as open without a token: health checks and the API description only. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(publicRouteKey, true);
