/** The parts of an OpenAPI 3.0 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  minimum?: number;
  maxLength?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  operationId: string;
  method: Method;
  /** The OpenAPI path, with `{name}` placeholders. */
  path: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  headerParameters: Parameter[];
  /** The JSON body's schema, resolved. */
  jsonBody: Schema | null;
  /** Multipart bodies: the name of the file field. */
  multipartFileField: string | null;
}

const methods: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, byMethod]) =>
    methods
      .filter((method) => byMethod[method])
      .map((method) => {
        const raw = byMethod[method] as RawOperation;
        const parameters = raw.parameters ?? [];
        const content = raw.requestBody?.content ?? {};
        const multipart = content['multipart/form-data']?.schema;
        const multipartProperties = multipart ? (resolve(document, multipart).properties ?? {}) : {};
        const fileField = Object.entries(multipartProperties).find(([, schema]) => schema.format === 'binary')?.[0];
        const json = content['application/json']?.schema;
        return {
          operationId: raw.operationId,
          method,
          path,
          pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
          queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
          headerParameters: parameters.filter((parameter) => parameter.in === 'header'),
          jsonBody: json ? resolveDeep(document, json) : null,
          multipartFileField: fileField ?? null,
        };
      }),
  );
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`The OpenAPI document has no schema ${name}`);
  return resolve(document, target);
}

/** The schema with every $ref replaced by its target (the API's DTOs are not recursive). */
function resolveDeep(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 10) throw new Error('The OpenAPI document has a recursive schema');
  const resolved = resolve(document, schema);
  return {
    ...resolved,
    ...(resolved.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(resolved.properties).map(([name, child]) => [name, resolveDeep(document, child, depth + 1)]),
          ),
        }
      : {}),
    ...(resolved.items ? { items: resolveDeep(document, resolved.items, depth + 1) } : {}),
    ...(typeof resolved.additionalProperties === 'object'
      ? { additionalProperties: resolveDeep(document, resolved.additionalProperties, depth + 1) }
      : {}),
  };
}

/** A plausible value for a schema: its example, its first allowed value, or a simple one of its type. */
export function sampleOf(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const type = schema.type ?? 'object';
  if (type === 'string') {
    if (schema.format === 'uuid') return '00000000-0000-4000-8000-00000000f022';
    if (schema.format === 'date') return '2026-11-20';
    if (schema.format === 'date-time') return '2026-11-20T10:00:00.000Z';
    return 'fuzz';
  }
  if (type === 'number' || type === 'integer') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'array') return schema.items ? [sampleOf(schema.items)] : [];
  return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, child]) => [name, sampleOf(child)]));
}
