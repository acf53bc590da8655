/** A JSON Schema as the OpenAPI document writes it, with references resolved. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/** One operation of the API as its document declares it. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path with `{parameters}`, as the document names it. */
  path: string;
  parameters: ApiParameter[];
  /** The media type and schema of the body, when the operation takes one. */
  body?: { contentType: string; schema: Schema };
  /** Every status the document says the operation answers. */
  statuses: number[];
  /** The roles that may call it; absent on the public health checks. */
  roles?: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: ApiParameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
  'x-salesos-roles'?: string[];
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The schema with every `$ref` replaced by what it names. */
function resolved(schema: Schema, components: Record<string, Schema>): Schema {
  if (schema.$ref !== undefined) {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    if (target === undefined) throw new Error(`The document names no schema ${schema.$ref}`);
    return resolved(target, components);
  }
  return {
    ...schema,
    ...(schema.items === undefined ? {} : { items: resolved(schema.items, components) }),
    ...(schema.properties === undefined
      ? {}
      : {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [name, resolved(property, components)]),
          ),
        }),
  };
}

/** Every operation an OpenAPI document declares, with the schemas of its body resolved. */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const components = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, item]) =>
    methods.flatMap((method): ApiOperation[] => {
      const operation = item[method];
      if (operation === undefined) return [];
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return [
        {
          method,
          path,
          parameters: (operation.parameters ?? []).map((parameter) => ({
            ...parameter,
            required: parameter.required === true,
            schema: resolved(parameter.schema ?? {}, components),
          })),
          ...(contentType === undefined || media === undefined
            ? {}
            : { body: { contentType, schema: resolved(media.schema, components) } }),
          statuses: Object.keys(operation.responses).map(Number),
          ...(operation['x-salesos-roles'] === undefined ? {} : { roles: operation['x-salesos-roles'] }),
        },
      ];
    }),
  );
}

/** `POST /leads/{leadId}/merge` as the routes of the application name it: `POST /leads/:leadId/merge`. */
export function routeOf(operation: ApiOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`;
}
