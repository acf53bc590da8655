import { SetMetadata } from '@nestjs/common';
import type { Role } from './caller-scope';

export const requiredRolesKey = 'salesos:required-roles';

/** Only callers with one of these roles may use the route (403 otherwise, before the request is even validated). */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(requiredRolesKey, roles);

/** The roles that set up a division: its segments and assignment rules. */
export const divisionSetupRoles: Role[] = ['admin', 'sales-director', 'division-manager'];

/** The roles that hand leads to reps: a rep works the leads given to them and does not pass them on. */
export const leadRoutingRoles: Role[] = ['admin', 'sales-director', 'division-manager', 'team-lead'];
