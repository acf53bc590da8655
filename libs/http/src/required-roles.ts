import { SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from './caller-scope';

export const requiredRolesKey = 'salesos:required-roles';
export const requiredRolesExtension = 'x-salesos-roles';

/**
 * Only callers with one of these roles may use the route (403 otherwise, before the request is even validated). On
 * a controller it covers the methods that do not name roles of their own, as the guard reads it, and the API
 * description says so on each of them.
 */
export const RequireRoles =
  (...roles: Role[]) =>
  (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor !== undefined && key !== undefined) {
      SetMetadata(requiredRolesKey, roles)(target, key, descriptor);
      ApiExtension(requiredRolesExtension, roles)(target, key, descriptor);
      return;
    }
    SetMetadata(requiredRolesKey, roles)(target as new (...args: never[]) => unknown);
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      const handler: unknown = method?.value;
      if (name === 'constructor' || typeof handler !== 'function' || method === undefined) continue;
      if (Reflect.getMetadata(requiredRolesKey, handler) !== undefined) continue;
      ApiExtension(requiredRolesExtension, roles)(prototype, name, method);
    }
  };

/** The roles that set up a division: its segments and assignment rules. */
export const divisionSetupRoles: Role[] = ['admin', 'sales-director', 'division-manager'];

/** The roles that hand leads to reps: a rep works the leads given to them and does not pass them on. */
export const leadRoutingRoles: Role[] = ['admin', 'sales-director', 'division-manager', 'team-lead'];
