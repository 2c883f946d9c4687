import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

import { API_PREFIX } from '@portfolio/contracts';

import { httpCompressionOptions } from './common/http-compression';
import { asApiError, jsonBodyParser, noStoreApiAnswers, rejectMalformedPath } from './common/request-guards';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';

/** Evidence bodies, cohort CSV files and CASE packages (up to 10 MB) arrive as JSON. */
const maxJsonBodyBytes = 10 * 1024 * 1024;

/**
 * Fastify's refusals of a request body put in the API's words on their way to Nest's error
 * handler, which would keep only their message and status.
 */
class ApiFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]) {
    return super.setErrorHandler(function (this: ThisParameterType<typeof handler>, error, request, reply) {
      return handler.call(this, asApiError(error), request, reply);
    });
  }
}

/**
 * The HTTP server under Nest: Fastify, which answers several times the requests a second of
 * Express on the same core (bench/README.md), and so keeps pages quick when a deanery's whole
 * cohort is busy at once.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new ApiFastifyAdapter({
    // Behind a proxy on this host, trust its X-Forwarded-* for the client address and HTTPS.
    trustProxy: 'loopback',
    bodyLimit: maxJsonBodyBytes,
    // Node's own limit for receiving a whole request, which Fastify would otherwise lift: a client
    // sending a few bytes a minute cannot hold a connection for ever.
    requestTimeout: 300_000,
    frameworkErrors: rejectMalformedPath,
    routerOptions: {
      // As the web app and older clients call it: /api/evidence/ and /API/Evidence are /api/evidence.
      ignoreTrailingSlash: true,
      caseSensitive: false,
      // A long id is the validation's to refuse with 400 and its field, not the router's with 414.
      maxParamLength: 8192,
    },
  });
}

/** Everything about the HTTP surface that the server and the API tests must share. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  // CASE tools look for the 1EdTech paths at /ims/case/v1p1, outside the API's own prefix.
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'ims/{*path}', method: RequestMethod.ALL }] });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', noStoreApiAnswers);
  // Bodies are JSON, or files as multipart (FileUpload); any other type answers 415.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser('application/json', { bodyLimit: maxJsonBodyBytes }, jsonBodyParser(fastify));
  app.useGlobalPipes(createValidationPipe());
  // Before everything that answers, so that the web app's files and JSON reach phones compressed.
  await app.register(fastifyCompress, httpCompressionOptions);
  await app.register(fastifyCookie);
  // Files arrive as multipart, limited per route (FileUpload).
  await app.register(fastifyMultipart);
  // helmet's headers on every answer, the web app's files too.
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  const openApi = new DocumentBuilder()
    .setTitle('Leadership portfolio API')
    .setDescription('The leadership e-portfolio: frameworks, evidence, assessments and progression.')
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
