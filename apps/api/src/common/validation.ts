import { type ArgumentMetadata, BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

import type { ApiErrorBody, FieldError } from '@portfolio/contracts';

import { ValidatedInputCache } from './validated-input-cache';

/** Deeper than any request this API defines; class-transformer would recurse past the stack on 10,000. */
const maximumDepth = 32;

/** Whitelisting pipe whose 400 names every field at fault and why. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}

/**
 * Before the DTO rules: refuses what no rule can express and PostgreSQL cannot store or the
 * transformer cannot walk, so that it answers 400 naming the field rather than 500. Route
 * parameters and queries that passed are kept (ValidatedInputCache): the rules depend on the
 * input alone, so the same input passes again.
 */
class InputValidationPipe extends ValidationPipe {
  private readonly validatedInputs = new ValidatedInputCache();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    const ofDto = metatype !== undefined && ['param', 'query'].includes(metadata.type) && this.toValidate(metadata);
    const key = ofDto ? this.validatedInputs.keyOf(value) : null;
    const known = metatype && key !== null ? this.validatedInputs.get(metatype, key) : undefined;
    if (known) {
      return known;
    }
    const problem = findUnstorableInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (problem) {
      throw badRequest([problem]);
    }
    const validated: unknown = await super.transform(value, metadata);
    if (metatype && key !== null) {
      this.validatedInputs.remember(metatype, key, validated);
    }
    return validated;
  }
}

/** NUL characters (PostgreSQL text cannot hold them) and nesting past `maximumDepth`, walked without recursion. */
export function findUnstorableInput(value: unknown, rootField: string): FieldError | null {
  const pending: { value: unknown; field: string; depth: number }[] = [{ value, field: rootField, depth: 0 }];
  while (pending.length > 0) {
    const { value: current, field, depth } = pending.pop() as (typeof pending)[number];
    const name = field || 'body';
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        return { field: name, message: `${name} must not contain the NUL character` };
      }
    } else if (current !== null && typeof current === 'object') {
      if (depth >= maximumDepth) {
        return { field: name, message: `${name} is nested too deeply` };
      }
      for (const [key, child] of Object.entries(current)) {
        const childField = Array.isArray(current) ? `${field}[${key}]` : field ? `${field}.${key}` : key;
        if (key.includes('\u0000')) {
          return { field: name, message: `${name} has a field name with the NUL character` };
        }
        pending.push({ value: child, field: childField, depth: depth + 1 });
      }
    }
  }
  return null;
}

function badRequest(fieldErrors: FieldError[]): BadRequestException {
  const body: ApiErrorBody = {
    statusCode: 400,
    error: 'Bad Request',
    message: fieldErrors.map((fieldError) => fieldError.message).join('; '),
    errors: fieldErrors,
  };
  return new BadRequestException(body);
}

function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
