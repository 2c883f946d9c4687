import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** Keys of frameworks, stages and elements: lower-case letters, digits, dots and hyphens. */
export const keyPattern = /^[a-z0-9][a-z0-9.-]{0,63}$/;

export function IsKey(message: string): PropertyDecorator {
  return Matches(keyPattern, { message });
}

/** A calendar date written YYYY-MM-DD that exists (2026-02-30 does not). */
export function IsIsoDate(field: string): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date as YYYY-MM-DD` }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: `${field} must be a real date` }),
  );
}
