import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';

import type { ApiErrorBody, FieldError } from '@portfolio/contracts';

/** Whitelisting pipe whose 400 names every field at fault and why. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const body: ApiErrorBody = {
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.map((fieldError) => fieldError.message).join('; '),
        errors: fieldErrors,
      };
      return new BadRequestException(body);
    },
  });
}

function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
