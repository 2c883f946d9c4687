import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import type { ApiErrorBody } from '@portfolio/contracts';

import { reasonPhrase } from './api-exception.filter';

/** An error in the API's shape naming the part of the request at fault. */
export function requestError(statusCode: number, field: string, message: string): HttpException {
  const body: ApiErrorBody = {
    statusCode,
    error: reasonPhrase(statusCode),
    message,
    errors: [{ field, message }],
  };
  return new HttpException(body, statusCode);
}

/**
 * A path with a broken percent-encoding (`%zz`, a lone `%`, bytes that are not UTF-8) answers 400
 * naming the path, before the router tries to decode its parameters.
 */
export function rejectMalformedPath(request: Request, _response: Response, next: NextFunction): void {
  try {
    decodeURIComponent(request.path);
    next();
  } catch {
    next(requestError(400, 'path', 'The address has a malformed percent-encoding.'));
  }
}

/**
 * The API's answers hold people's records: no browser or proxy keeps them, unless an endpoint says
 * otherwise.
 */
export function noStoreApiAnswers(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}

const bodyProblems: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'The request body must be JSON: an object or an array.'],
  'entity.too.large': [413, 'The request body is larger than this API accepts.'],
  'entity.verify.failed': [400, 'The request body could not be read.'],
  'charset.unsupported': [415, 'The request body must be sent in UTF-8.'],
  'encoding.unsupported': [415, 'The request body is in a Content-Encoding this API does not accept.'],
  'request.aborted': [400, 'The request body ended before it was complete.'],
  'request.size.invalid': [400, 'The request body is not as long as its Content-Length says.'],
  'parameters.too.many': [413, 'The request body has too many fields.'],
  'depth.exceeded': [400, 'The request body is nested too deeply.'],
};

/**
 * Errors of the body parsers (malformed JSON, too large, an unknown charset or encoding, a
 * compressed body that is not) become the API's 4xx naming the body, instead of a 500.
 */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  const known = typeof type === 'string' ? bodyProblems[type] : undefined;
  if (known) {
    next(requestError(known[0], 'body', known[1]));
  } else if (typeof status === 'number' && status >= 400 && status < 500) {
    // zlib's complaint about a body that claims to be gzip and is not, and the like.
    next(requestError(status, 'body', 'The request body could not be read.'));
  } else {
    next(error);
  }
}
