import type { Type } from '@nestjs/common';

/** A DTO field as a route parameter or query string gives it: text, a number, a flag, or a list of them. */
type FlatValue = string | number | boolean | null | undefined | (string | number | boolean)[];

// Enough for every trainee a busy reader opens in an hour, for each DTO.
const maxInputsPerType = 1_000;
// Ids and filters; a long input (search words, a cursor) is validated each time, so the cache stays small.
const maxKeptInputLength = 512;

/**
 * Route parameters and query strings that passed validation, by DTO class and input: the same few
 * recur (an empty query, the reader's own id, the page they reload), and class-transformer with
 * class-validator allocates some 12 kB for each, more than the rest of a cached read. Only a DTO
 * whose fields are all flat values is kept, and each caller gets its own copy, so no request can
 * change what another receives. So a parameter or query DTO must take nothing from outside its
 * input, such as a default from the clock.
 */
export class ValidatedInputCache {
  private readonly byType = new Map<Type, Map<string, object>>();

  /** The key an input is kept under; null for one that is not an object of text, as parameters and queries are. */
  keyOf(input: unknown): string | null {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
    const isText = (value: unknown) => typeof value === 'string';
    const ofText = Object.values(input).every(
      (value) => isText(value) || (Array.isArray(value) && value.every(isText)),
    );
    const key = ofText ? JSON.stringify(input) : null;
    return key !== null && key.length <= maxKeptInputLength ? key : null;
  }

  get(type: Type, key: string): object | undefined {
    const kept = this.byType.get(type)?.get(key);
    return kept && copyOf(kept);
  }

  remember(type: Type, key: string, validated: unknown): void {
    if (!isFlatInstanceOf(type, validated)) return;
    let inputs = this.byType.get(type);
    if (!inputs) {
      inputs = new Map();
      this.byType.set(type, inputs);
    }
    inputs.set(key, copyOf(validated));
    if (inputs.size > maxInputsPerType) {
      const oldest = inputs.keys().next().value;
      if (oldest !== undefined) inputs.delete(oldest);
    }
  }
}

function isFlatValue(value: unknown): value is FlatValue {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item));
}

function isFlatInstanceOf(type: Type, value: unknown): value is object {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === type.prototype &&
    Object.values(value).every(isFlatValue)
  );
}

/** The same DTO instance, with its lists copied. */
function copyOf<T extends object>(validated: T): T {
  const copy = Object.create(Object.getPrototypeOf(validated) as object) as Record<string, unknown>;
  for (const [field, value] of Object.entries(validated)) copy[field] = Array.isArray(value) ? [...value] : value;
  return copy as T;
}
