import {
  type Labelled,
  deepJson,
  hostileNumbers,
  hostilePathSegments,
  hostileQueries,
  hostileStrings,
  rawJsonNumber,
  rawJsonNumberLiteral,
  wrongTypes,
} from './hostile-values';
import { type Operation, type Schema, sampleOf } from './openapi-document';
import type { SeededRandom } from './seeded-random';

/** One hostile request: what differs from a plausible call of the operation. */
export interface FuzzCase {
  category: 'path' | 'query' | 'header' | 'field' | 'body' | 'content-type' | 'multipart';
  label: string;
  /** Encoded values for path parameters, in place of plausible ones. */
  pathValues?: Record<string, string>;
  /** The query string, encoded, without `?`. */
  query?: string;
  headers?: Record<string, string>;
  /** Sent in place of the caller's own cookies. */
  cookie?: string;
  withoutCsrf?: boolean;
  body?: string | Buffer;
  contentType?: string;
  /** The only right answer, where one is certain. */
  expectedStatus?: number;
  /** The right answers, where there are a few. */
  allowedStatuses?: number[];
}

/** JSON text placed as it is into a body, for what JSON.stringify cannot write. */
class RawJson {
  constructor(readonly text: string) {}
}

const bodyLimitBytes = 10 * 1024 * 1024;
const fileLimitBytes = 20 * 1024 * 1024;
const deepLevels = 10_000;

export function casesFor(operation: Operation, random: SeededRandom): FuzzCase[] {
  return [
    ...pathCases(operation),
    ...queryCases(operation),
    ...headerCases(operation),
    ...(operation.jsonBody ? fieldCases(operation.jsonBody, random) : []),
    ...(operation.method === 'get' ? [] : bodyCases(operation)),
    ...(operation.multipartFileField ? multipartCases(operation.multipartFileField) : []),
  ];
}

function pathCases(operation: Operation): FuzzCase[] {
  return operation.pathParameters.flatMap((parameter) =>
    hostilePathSegments.map(([label, value]) => ({
      category: 'path' as const,
      label: `${parameter.name}: ${label}`,
      pathValues: { [parameter.name]: value },
      // An id that is not a UUID, or names nothing, is refused or not found: the same way everywhere.
      ...(parameter.schema?.format === 'uuid' ? { allowedStatuses: [400, 404] } : {}),
    })),
  );
}

function queryCases(operation: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [{ category: 'query', label: 'unknown parameter', query: 'fuzzUnknown=1' }];
  for (const parameter of operation.queryParameters) {
    const others = operation.queryParameters
      .filter((other) => other.required && other !== parameter)
      .map((other) => `${other.name}=${encodeURIComponent(String(sampleOf(other.schema ?? {})))}`);
    for (const [label, query] of hostileQueries(parameter.name)) {
      cases.push({ category: 'query', label: `${parameter.name}: ${label}`, query: [...others, query].join('&') });
    }
    if (parameter.required) {
      cases.push({ category: 'query', label: `${parameter.name}: missing`, query: others.join('&') });
    }
  }
  return cases;
}

function headerCases(operation: Operation): FuzzCase[] {
  const cases: FuzzCase[] = [
    { category: 'header', label: 'forwarded-for not an address', headers: { 'X-Forwarded-For': 'not-an-address' } },
    { category: 'header', label: 'forwarded-for SQL', headers: { 'X-Forwarded-For': "' OR 1=1 --" } },
    { category: 'header', label: 'forwarded-proto odd', headers: { 'X-Forwarded-Proto': 'gopher' } },
    { category: 'header', label: 'session cookie garbage', cookie: 'portfolio_session=%00%FF%ZZ' },
    { category: 'header', label: 'session cookie 4000 characters', cookie: `portfolio_session=${'a'.repeat(4000)}` },
    { category: 'header', label: 'ticket cookie garbage', cookie: "portfolio_ticket=' OR 1=1 --" },
    { category: 'header', label: 'user agent 8000 characters', headers: { 'User-Agent': 'a'.repeat(8000) } },
    { category: 'header', label: 'accept XML', headers: { Accept: 'application/xml' } },
  ];
  if (operation.method !== 'get') {
    cases.push({ category: 'header', label: 'no CSRF token', withoutCsrf: true });
    cases.push({ category: 'header', label: 'CSRF token garbage', headers: { 'X-XSRF-TOKEN': "' OR 1=1 --" } });
  }
  for (const parameter of operation.headerParameters) {
    for (const [label, value] of [
      ['8000 characters', 'k'.repeat(8000)],
      ['SQL', "' OR 1=1 --"],
      ['empty', ''],
      ['HTML', '<script>alert(1)</script>'],
    ] as const) {
      cases.push({ category: 'header', label: `${parameter.name}: ${label}`, headers: { [parameter.name]: value } });
    }
  }
  return cases;
}

type FieldPath = (string | number)[];

interface Field {
  path: FieldPath;
  schema: Schema;
  required: boolean;
}

/** Top-level fields, the fields of nested objects and the items of arrays: two levels down. */
function fieldsOf(schema: Schema, prefix: FieldPath = [], depth = 0): Field[] {
  if (depth > 1) return [];
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const path = [...prefix, name];
    const own: Field = { path, schema: child, required: schema.required?.includes(name) ?? false };
    const nested =
      child.type === 'array' && child.items
        ? child.items.properties
          ? fieldsOf(child.items, [...path, 0], depth + 1)
          : [{ path: [...path, 0], schema: child.items, required: false }]
        : child.properties
          ? fieldsOf(child, path, depth + 1)
          : [];
    return [own, ...nested];
  });
}

function fieldCases(schema: Schema, random: SeededRandom): FuzzCase[] {
  const baseline = sampleOf(schema) as Record<string, unknown>;
  const cases: FuzzCase[] = [];
  const add = (label: string, body: string) => cases.push({ category: 'field', label, body });
  for (const field of fieldsOf(schema)) {
    const name = field.path.join('.');
    const variants: Labelled<unknown>[] = [...wrongTypes(field.schema.type)];
    if (field.schema.type === 'string') {
      variants.push(...hostileStrings, ['seeded awkward text', random.awkwardString(64)]);
    }
    if (field.schema.type === 'number' || field.schema.type === 'integer') {
      variants.push(...hostileNumbers);
    }
    if (field.schema.type === 'array') {
      variants.push(
        ['10k items', Array.from({ length: 10_000 }, () => sampleOf(field.schema.items ?? {}))],
        [`${deepLevels} levels deep`, new RawJson(deepJson(deepLevels, 'array'))],
      );
    }
    if (field.schema.type === 'object' || field.schema.additionalProperties) {
      variants.push(
        ['__proto__ key', new RawJson('{"__proto__":{"polluted":"yes"}}')],
        ['hostile keys', { "' OR 1=1 --": 'x', '<script>': 'x', '\u0000': 'x', '': 'x', constructor: 'x' }],
        ['10k keys', Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`k${index}`, 'x']))],
        [`${deepLevels} levels deep`, new RawJson(deepJson(deepLevels, 'object'))],
      );
    }
    for (const [label, value] of variants) {
      add(`${name}: ${label}`, serialise(withValue(baseline, field.path, value)));
    }
    if (field.required) {
      add(`${name}: missing`, serialise(withValue(baseline, field.path, undefined)));
    }
  }
  add('unknown extra field', serialise({ ...baseline, fuzzUnknown: 'x' }));
  add(
    '__proto__ field',
    serialise({ ...baseline, fuzzProto: new RawJson('{"polluted":"yes"}') }).replace('"fuzzProto"', '"__proto__"'),
  );
  add('constructor.prototype field', serialise({ ...baseline, constructor: { prototype: { polluted: 'yes' } } }));
  add('duplicate keys', serialise(baseline).replace(/^\{/, '{"fuzzDuplicate":1,"fuzzDuplicate":{},'));
  add('plausible body', serialise(baseline));
  return cases;
}

function bodyCases(operation: Operation): FuzzCase[] {
  const json = 'application/json';
  const baseline = operation.jsonBody ? JSON.stringify(sampleOf(operation.jsonBody)) : '{}';
  const oversize = `{"fuzz":"${'a'.repeat(bodyLimitBytes + 1024)}"}`;
  return [
    { category: 'body', label: 'malformed JSON', body: '{"title": ', contentType: json, expectedStatus: 400 },
    { category: 'body', label: 'not JSON', body: 'hello', contentType: json, expectedStatus: 400 },
    { category: 'body', label: 'trailing garbage', body: `${baseline} x`, contentType: json, expectedStatus: 400 },
    { category: 'body', label: 'byte-order mark', body: `\ufeff${baseline}`, contentType: json },
    { category: 'body', label: 'empty with JSON type', body: '', contentType: json },
    { category: 'body', label: 'null', body: 'null', contentType: json },
    { category: 'body', label: 'array', body: '[]', contentType: json },
    { category: 'body', label: 'array of the body', body: `[${baseline}]`, contentType: json },
    { category: 'body', label: 'string', body: '"text"', contentType: json },
    { category: 'body', label: 'number', body: '42', contentType: json },
    { category: 'body', label: 'overflowing number', body: `{"fuzz":${rawJsonNumberLiteral}}`, contentType: json },
    { category: 'body', label: `${deepLevels}-deep object`, body: deepJson(deepLevels, 'object'), contentType: json },
    { category: 'body', label: `${deepLevels}-deep array`, body: deepJson(deepLevels, 'array'), contentType: json },
    {
      category: 'body',
      label: 'escaped NUL and surrogates',
      body: '{"fuzz":"\\u0000\\ud800\\udfff"}',
      contentType: json,
    },
    {
      category: 'body',
      label: 'invalid UTF-8',
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      contentType: json,
    },
    { category: 'body', label: 'over the size limit', body: oversize, contentType: json, expectedStatus: 413 },
    { category: 'content-type', label: 'text/plain', body: baseline, contentType: 'text/plain' },
    {
      category: 'content-type',
      label: 'XML',
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      contentType: 'application/xml',
    },
    {
      category: 'content-type',
      label: 'form encoded',
      body: 'title[$gt]=&a[b][c][d][e]=1&__proto__[polluted]=yes',
      contentType: 'application/x-www-form-urlencoded',
    },
    { category: 'content-type', label: 'multipart without boundary', body: 'x', contentType: 'multipart/form-data' },
    {
      category: 'content-type',
      label: 'JSON in UTF-16',
      body: baseline,
      contentType: 'application/json; charset=utf-16',
    },
    {
      category: 'content-type',
      label: 'JSON in an unknown charset',
      body: baseline,
      contentType: 'application/json; charset=fuzz-8',
    },
    {
      category: 'content-type',
      label: 'gzip that is not',
      body: baseline,
      contentType: json,
      headers: { 'Content-Encoding': 'gzip' },
    },
    {
      category: 'content-type',
      label: 'unknown encoding',
      body: baseline,
      contentType: json,
      headers: { 'Content-Encoding': 'fuzz' },
    },
    { category: 'content-type', label: 'no content type', body: baseline },
  ];
}

function multipartCases(fileField: string): FuzzCase[] {
  const part = (name: string, content: string | Buffer, fileName?: string, type = 'application/pdf') => ({
    name,
    content,
    fileName,
    type,
  });
  const pdf = Buffer.from('%PDF-1.4\n%fuzz\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const cases: [string, ReturnType<typeof part>[], number?][] = [
    ['no file', [part('note', 'x')]],
    ['file under another name', [part('fuzz', pdf, 'a.pdf')]],
    ['two files', [part(fileField, pdf, 'a.pdf'), part(fileField, pdf, 'b.pdf')]],
    ['empty file', [part(fileField, Buffer.alloc(0), 'empty.pdf')]],
    ['HTML file', [part(fileField, '<script>alert(1)</script>', 'page.html', 'text/html')]],
    ['unknown extra field', [part(fileField, pdf, 'a.pdf'), part('fuzzUnknown', 'x')]],
    ['over the size limit', [part(fileField, Buffer.alloc(fileLimitBytes + 1024, 0x25), 'huge.pdf')], 413],
    ...hostileStrings
      .filter(([label]) => label !== '100k characters')
      .map(
        ([label, name]) => [`file name: ${label}`, [part(fileField, pdf, name)]] as [string, ReturnType<typeof part>[]],
      ),
    ['file name: 1000 characters', [part(fileField, pdf, `${'n'.repeat(1000)}.pdf`)]],
  ];
  return [
    ...cases.map(([label, parts, expectedStatus]) => ({
      category: 'multipart' as const,
      label,
      body: multipartBody(parts),
      contentType: `multipart/form-data; boundary=${boundary}`,
      ...(expectedStatus ? { expectedStatus } : {}),
    })),
    {
      category: 'multipart',
      label: 'truncated',
      body: `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.pdf"\r\n\r\n%PDF`,
      contentType: `multipart/form-data; boundary=${boundary}`,
    },
    {
      category: 'multipart',
      label: 'boundary that never appears',
      body: multipartBody([part(fileField, pdf, 'a.pdf')]),
      contentType: 'multipart/form-data; boundary=other',
    },
  ];
}

const boundary = 'fuzz-boundary-7d3f';

function multipartBody(parts: { name: string; content: string | Buffer; fileName?: string; type: string }[]): Buffer {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.fileName === undefined
          ? ''
          : `; filename="${part.fileName.replace(/"/g, '%22')}"\r\nContent-Type: ${part.type}`) +
        '\r\n\r\n',
    ),
    Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

function withValue(baseline: unknown, path: FieldPath, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(baseline) ? [...(baseline as unknown[])] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const object = { ...((baseline as Record<string, unknown> | null) ?? {}) };
  if (rest.length === 0 && value === undefined) {
    delete object[head];
  } else {
    object[head] = withValue(object[head], rest, value);
  }
  return object;
}

/** JSON text of a body, with raw pieces (overflowing numbers, deep nesting, __proto__ keys) in place. */
function serialise(body: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raw.push(value.text);
      return `\u0001raw${raw.length - 1}\u0001`;
    }
    return value === rawJsonNumber ? `\u0001number\u0001` : value;
  });
  return text
    .replace(/"\\u0001number\\u0001"/g, rawJsonNumberLiteral)
    .replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, index: string) => raw[Number(index)] ?? 'null');
}
