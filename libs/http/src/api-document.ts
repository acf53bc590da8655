import type { INestApplication } from '@nestjs/common';
import { ApiExtension, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { knownRoles, onlyReads } from './caller-scope';
import { requiredRolesExtension } from './required-roles';

const publicExtension = 'x-salesos-public';
const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** RFC 9457 problem details as every error answer of the platform carries them. */
const problemSchema: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'On 400 and 415: each field, query parameter or header that is wrong, and why (at most 50).',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    moreErrors: { type: 'integer', description: 'How many more errors there are than are listed.' },
  },
};
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

const moreProblemsExtension = 'x-salesos-problems';

/**
 * Problems an operation answers that its parameters do not tell (say, a 404 for a record a query names); the
 * others are declared for every operation alike. (An extension rather than a response, which would hide the
 * operation's success response.)
 */
export const ProblemResponses = (problems: Record<number, string>): MethodDecorator =>
  ApiExtension(moreProblemsExtension, problems);

type Operation = OperationObject & Record<string, unknown>;

const headerNamed = (operation: Operation, name: string): boolean =>
  (operation.parameters ?? []).some(
    (parameter: ParameterObject | ReferenceObject) =>
      'in' in parameter && parameter.in === 'header' && parameter.name.toLowerCase() === name.toLowerCase(),
  );
const hasPathParameters = (operation: Operation): boolean =>
  (operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in === 'path');
const bodyTypes = (operation: Operation): string[] =>
  Object.keys((operation.requestBody as RequestBodyObject | undefined)?.content ?? {});

/**
 * The API description of a service: every operation needs a bearer token but the health checks, and each says
 * which roles may call it, and every problem it can answer, from what the operation declares: 400, 413 and 415 for
 * any request (headers, query, body), 401 and 403 behind the guard, 404 with path parameters, 409 for changes, 412
 * with If-Match, 422 with an Idempotency-Key.
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
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ProblemDetails: problemSchema },
  };
  for (const path of Object.values<PathItemObject>(document.paths)) {
    for (const method of operationMethods) {
      const operation = path[method];
      if (operation === undefined) continue;
      describeAccess(method, operation as Operation);
      describeProblems(method, operation as Operation);
    }
  }
  return document;
}

function describeAccess(method: string, operation: Operation): void {
  if (operation[publicExtension] === true) {
    delete operation[publicExtension];
    delete operation[requiredRolesExtension];
    operation.security = [];
    return;
  }
  const reads = onlyReads(method);
  const named = (operation[requiredRolesExtension] as string[] | undefined) ?? knownRoles;
  // The guard lets analysts only read, whatever a route names.
  const roles = named.filter((role) => reads || role !== 'analyst');
  operation[requiredRolesExtension] = roles;
  const access = `Roles: ${roles.join(', ')}.`;
  operation.description = operation.description === undefined ? access : `${operation.description}\n\n${access}`;
  operation.responses['401'] ??= { description: 'No valid bearer token; `reason` says why.', content: problem };
  operation.responses['403'] ??= {
    description: "The token's roles, or the divisions it grants, do not allow this.",
    content: problem,
  };
}

function describeProblems(method: string, operation: Operation): void {
  const { responses } = operation;
  const types = bodyTypes(operation);
  const more = (operation[moreProblemsExtension] ?? {}) as Record<string, string>;
  delete operation[moreProblemsExtension];
  for (const [status, description] of Object.entries(more)) responses[status] ??= { description, content: problem };
  responses['400'] ??= {
    description: 'A header, query parameter, path parameter or body field is not valid; `errors` names each.',
    content: problem,
  };
  if (hasPathParameters(operation)) {
    responses['404'] ??= { description: 'No such record within the caller’s reach.', content: problem };
  }
  if (!onlyReads(method) && operation.security?.length !== 0) {
    responses['409'] ??= {
      description: 'The rules refuse the change in the record’s state, or the record kept changing meanwhile.',
      content: problem,
    };
  }
  if (headerNamed(operation, 'If-Match')) {
    responses['412'] ??= { description: 'The record moved on from the version If-Match names.', content: problem };
  }
  // Bodies are read before the route is known, so an operation that takes none still answers these to one.
  responses['413'] ??= { description: 'A JSON body larger than 100 kB was sent.', content: problem };
  responses['415'] ??= {
    description:
      types.length > 0
        ? `The body is not ${types.join(' or ')}, or in an encoding or charset the API does not read.`
        : 'A body was sent in an encoding or charset the API does not read.',
    content: problem,
  };
  if (headerNamed(operation, 'Idempotency-Key')) {
    responses['422'] ??= {
      description: 'The Idempotency-Key came before with a different request (`idempotency-key-reused`).',
      content: problem,
    };
  }
}
