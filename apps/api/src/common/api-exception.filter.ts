import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import type { ApiErrorBody } from '@portfolio/contracts';

import { isDatabaseUnavailable } from '../database/database-errors';

/** Every error leaves the API as the same JSON shape; nothing internal leaks out. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn(body.message);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    // A download route may have set its own type and file name before failing: the error is JSON, not a file.
    void reply.removeHeader('Content-Disposition').code(body.statusCode).type('application/json').send(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'string') {
        return withUploadField({ statusCode, error: reasonPhrase(statusCode), message: payload });
      }
      const { message, error, ...extra } = payload as Record<string, unknown>;
      delete extra['statusCode'];
      return withUploadField({
        // Field errors, line errors, retry hints: whatever the thrower added to help the caller.
        ...extra,
        statusCode,
        error: typeof error === 'string' ? error : reasonPhrase(statusCode),
        message: Array.isArray(message) ? message.join('; ') : String(message ?? reasonPhrase(statusCode)),
      });
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        message: 'The database is unavailable just now. Please try again in a moment.',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. It has been logged; please try again.',
    };
  }
}

export function reasonPhrase(statusCode: number): string {
  const name = HttpStatus[statusCode] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .replace(/(^|_)(\w)/g, (_match, gap: string, letter: string) => (gap ? ' ' : '') + letter.toUpperCase())
    : 'Error';
}

/** What Nest's file pipe says of a missing upload names no field, but it is the file (FileUpload names its own). */
const uploadProblem = /^File is required/;

function withUploadField(body: ApiErrorBody): ApiErrorBody {
  if (body.statusCode === 400 && !body.errors && uploadProblem.test(body.message)) {
    return { ...body, errors: [{ field: 'file', message: body.message }] };
  }
  return body;
}
