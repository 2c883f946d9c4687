/** The hostile values the fuzzer sends, each with a short label for the summary. */
export type Labelled<T> = readonly [label: string, value: T];

/** Stands for a JSON number that JavaScript cannot hold; the body is written with the literal in its place. */
export const rawJsonNumber = '\u0000raw-json-number\u0000';
export const rawJsonNumberLiteral = '1e999';

export const htmlPayloads = ['<script>alert("fuzz")</script>', '"><img src=x onerror=alert(1)>'] as const;

export const hostileStrings: readonly Labelled<string>[] = [
  ['100k characters', 'a'.repeat(100_000)],
  ['SQL', "' OR 1=1 --"],
  ['SQL statement', "1'); DROP TABLE app_user; --"],
  ['HTML script', htmlPayloads[0]],
  ['HTML attribute', htmlPayloads[1]],
  ['lone surrogate', '\ud800'],
  ['RTL override', '\u202egnp.exe'],
  ['zero-width', '\u200b\u200c\u200d\ufeff'],
  ['emoji', '👩🏽‍⚕️🏥'],
  ['NUL', 'a\u0000b'],
  ['control characters', '\u0001\u0007\u001b[31m'],
  ['empty', ''],
  ['whitespace', ' \t\r\n '],
  ['path traversal', '../../../etc/passwd'],
  ['format string', '%s%n%x%d'],
  ['Markdown script link', '[click](javascript:alert(1))'],
  ['spreadsheet formula', '=HYPERLINK("http://example.invalid")'],
  ['not a UUID', 'not-a-uuid'],
  ['nil UUID', '00000000-0000-0000-0000-000000000000'],
  ['impossible date', '2026-02-30'],
  ['far date', '+275760-09-13'],
];

export const hostileNumbers: readonly Labelled<unknown>[] = [
  ['negative', -1],
  ['zero', 0],
  ['fraction', 1.5],
  ['huge', 1e308],
  ['huge negative', -1e308],
  ['beyond 2^53', 2 ** 53 + 1],
  ['beyond int32', 2 ** 31],
  ['overflowing literal', rawJsonNumber],
  ['NaN as text', 'NaN'],
];

/** Wrong JSON types, by the type the schema asks for. */
export function wrongTypes(type: string | undefined): readonly Labelled<unknown>[] {
  const all: Labelled<unknown>[] = [
    ['null', null],
    ['number', 42],
    ['boolean', true],
    ['string', 'text'],
    ['array', ['text']],
    ['object', { nested: 'text' }],
  ];
  const own: Record<string, string[]> = {
    string: ['string'],
    number: ['number'],
    integer: ['number'],
    boolean: ['boolean'],
    array: ['array'],
    object: ['object'],
  };
  const excluded = own[type ?? 'object'] ?? [];
  return all.filter(([label]) => !excluded.includes(label));
}

/** Encoded path segments: each stands in for one path parameter. */
export const hostilePathSegments: readonly Labelled<string>[] = [
  ['not a UUID', 'not-a-uuid'],
  ['nil UUID', '00000000-0000-0000-0000-000000000000'],
  ['max UUID', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ['UUID in braces', '%7B00000000-0000-4000-8000-000000000000%7D'],
  ['UUID and more', '00000000-0000-4000-8000-000000000000x'],
  ['traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots', '%2E%2E'],
  ['NUL', '%00'],
  ['bare percent', '%'],
  ['bad escape', '%zz'],
  ['SQL', encodeURIComponent("' OR 1=1 --")],
  ['HTML', encodeURIComponent(htmlPayloads[0])],
  ['lone surrogate bytes', '%ED%A0%80'],
  ['invalid UTF-8', '%FF%FE'],
  ['RTL override', '%E2%80%AE'],
  ['zero-width', '%E2%80%8B'],
  ['emoji', encodeURIComponent('😀')],
  ['4000 characters', 'a'.repeat(4000)],
  ['negative number', '-1'],
  ['overflowing number', '1e309'],
  ['space', '%20'],
];

/** Query values, already encoded; `name` is the parameter they are for. */
export function hostileQueries(name: string): readonly Labelled<string>[] {
  const plain = (value: string) => `${name}=${value}`;
  return [
    ...hostilePathSegments.map(([label, value]) => [label, plain(value)] as const),
    ['empty', plain('')],
    ['NaN', plain('NaN')],
    ['Infinity', plain('Infinity')],
    ['fraction', plain('1.5')],
    ['zero', plain('0')],
    ['20 digits', plain('99999999999999999999')],
    ['impossible date', plain('2026-02-30')],
    ['repeated', `${plain('a')}&${plain('b')}`],
    ['as an array', `${name}[]=a`],
    ['as an object', `${name}[key]=a`],
    ['nested object', `${name}[a][b][c]=1`],
  ];
}

/** Nested JSON `depth` levels deep, written as text (JSON.stringify would recurse as deep). */
export function deepJson(depth: number, kind: 'object' | 'array'): string {
  return kind === 'object' ? '{"a":'.repeat(depth) + '1' + '}'.repeat(depth) : '['.repeat(depth) + ']'.repeat(depth);
}
