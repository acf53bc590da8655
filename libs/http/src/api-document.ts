import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, PathItemObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { onlyReads } from './caller-scope';
import { requiredRolesExtension } from './required-roles';

const publicExtension = 'x-salesos-public';
const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const problem = { 'application/problem+json': { schema: { type: 'object' } } };

/**
 * The API description of a service: every operation needs a bearer token but the health checks, and each says
 * which roles may call it and answers 401 and 403 as problem details, as the guard does.
 */
export function apiDocument(app: INestApplication, title: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(
      `${description} Every answer covers only the records the caller's roles reach in the division the request ` +
        'acts on. Errors are application/problem+json.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const path of Object.values<PathItemObject>(document.paths)) {
    for (const method of operationMethods) {
      const operation = path[method];
      if (operation !== undefined) describeAccess(method, operation as OperationObject & Record<string, unknown>);
    }
  }
  return document;
}

function describeAccess(method: string, operation: OperationObject & Record<string, unknown>): void {
  if (operation[publicExtension] === true) {
    delete operation[publicExtension];
    delete operation[requiredRolesExtension];
    operation.security = [];
    return;
  }
  const reads = onlyReads(method);
  const named = operation[requiredRolesExtension] as string[] | undefined;
  // The guard lets analysts only read, whatever a route names.
  const roles = named?.filter((role) => reads || role !== 'analyst');
  if (roles !== undefined) operation[requiredRolesExtension] = roles;
  const access =
    roles !== undefined ? `Roles: ${roles.join(', ')}.` : reads ? 'Roles: any.' : 'Roles: any but analyst.';
  operation.description = operation.description === undefined ? access : `${operation.description}\n\n${access}`;
  operation.responses['401'] ??= { description: 'No valid bearer token; `reason` says why.', content: problem };
  operation.responses['403'] ??= {
    description: "The token's roles, or the divisions it grants, do not allow this.",
    content: problem,
  };
}
