import { HttpException } from '@nestjs/common';
import type { FastifyBodyParser, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import type { ApiErrorBody } from '@portfolio/contracts';

import { reasonPhrase } from './api-exception.filter';

/** The body of an error in the API's shape naming the part of the request at fault. */
export function requestErrorBody(statusCode: number, field: string, message: string): ApiErrorBody {
  return { statusCode, error: reasonPhrase(statusCode), message, errors: [{ field, message }] };
}

/** An error in the API's shape naming the part of the request at fault. */
export function requestError(statusCode: number, field: string, message: string): HttpException {
  return new HttpException(requestErrorBody(statusCode, field, message), statusCode);
}

/**
 * A path with a broken percent-encoding (`%zz`, a lone `%`, bytes that are not UTF-8) answers 400
 * naming the path, where the router would otherwise answer in its own words.
 */
export function rejectMalformedPath(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
  const { code } = error as { code?: string };
  const message =
    code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_INVALID_URL'
      ? 'The address has a malformed percent-encoding.'
      : 'The address could not be read.';
  void reply.code(400).send(requestErrorBody(400, 'path', message));
}

/** The router takes /API/ as /api/. */
const apiPath = /^\/api(?:[/?]|$)/i;

/**
 * The API's answers hold people's records: no browser or proxy keeps them, unless an endpoint says
 * otherwise.
 */
export function noStoreApiAnswers(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (apiPath.test(request.url)) {
    void reply.header('Cache-Control', 'no-store');
  }
  done();
}

const notJson = 'The request body must be JSON: an object or an array.';

/**
 * JSON bodies, read as the server's own parser reads them (prototype poisoning refused), answering
 * malformed JSON and other charsets with the API's 4xx naming the body. An empty body is no body.
 */
export function jsonBodyParser(fastify: FastifyInstance): FastifyBodyParser<Buffer> {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    const charset = /;\s*charset="?([^";]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
    if (charset && !/^utf-?8$/i.test(charset)) {
      done(requestError(415, 'body', 'The request body must be sent in UTF-8.'), undefined);
    } else if (body.length === 0) {
      done(null, undefined);
    } else {
      void parse(request, body.toString('utf8'), (error, value) => {
        done(error ? requestError(400, 'body', notJson) : null, value);
      });
    }
  };
}

const bodyProblems: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'The request body is larger than this API accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'The request body must be JSON, or files sent as multipart/form-data.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'The request body is not as long as its Content-Length says.'],
  FST_CP_ERR_INVALID_CONTENT_ENCODING: [415, 'The request body is in a Content-Encoding this API does not accept.'],
  FST_CP_ERR_INVALID_CONTENT: [400, 'The request body could not be read.'],
};

/**
 * The HTTP server's own complaints about a request body (too large, an unknown type or encoding, a
 * compressed body that is not) as the API's 4xx naming the body; any other error as it is.
 */
export function asApiError(error: unknown): unknown {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  const known = typeof code === 'string' ? bodyProblems[code] : undefined;
  if (known) {
    return requestError(known[0], 'body', known[1]);
  }
  if (typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number') {
    if (statusCode >= 400 && statusCode < 500) {
      return requestError(statusCode, 'body', 'The request body could not be read.');
    }
  }
  return error;
}
