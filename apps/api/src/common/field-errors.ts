import { BadRequestException, ConflictException } from '@nestjs/common';

/** A 400 naming one field, in the API's error shape. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, errors: [{ field, message }] });
}

/** A 409 naming the field whose value is already taken. */
export function fieldConflict(field: string, message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Conflict', message, errors: [{ field, message }] });
}

/** Turns a unique-constraint violation into a 409 on the field it guards; rethrows anything else. */
export function rethrowUniqueViolation(error: unknown, fieldsByConstraint: Record<string, [string, string]>): never {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ??
    (error as { code?: string; constraint?: string });
  if (driverError.code === '23505' && driverError.constraint && fieldsByConstraint[driverError.constraint]) {
    const [field, message] = fieldsByConstraint[driverError.constraint] ?? ['', ''];
    throw fieldConflict(field, message);
  }
  throw error;
}
