import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Application } from 'express';
import helmet from 'helmet';

import { API_PREFIX } from '@portfolio/contracts';

import { httpCompression } from './common/http-compression';
import { bodyParserErrors, noStoreApiAnswers, rejectMalformedPath } from './common/request-guards';
import { createValidationPipe } from './common/validation';

/** Everything about the HTTP surface that the server and the API tests must share. */
export function configureApp(app: INestApplication): void {
  // CASE tools look for the 1EdTech paths at /ims/case/v1p1, outside the API's own prefix.
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'ims/{*path}', method: RequestMethod.ALL }] });
  const express = app.getHttpAdapter().getInstance() as Application;
  // Behind a proxy on this host, trust its X-Forwarded-* for the client address and HTTPS.
  express.set('trust proxy', 'loopback');
  // The API's answers are a person's records and are never kept (noStoreApiAnswers), so hashing each
  // for an ETag is wasted; the web app's prepared files carry tags worked out once.
  express.set('etag', false);
  // Evidence bodies, cohort CSV files and CASE packages (up to 10 MB) arrive as JSON; files come as
  // multipart, limited per route.
  (app as NestExpressApplication).useBodyParser('json', { limit: '10mb' });
  // Nothing is posted as a form; flat fields only, so a form cannot smuggle in nested objects.
  (app as NestExpressApplication).useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  app.use(`/${API_PREFIX}`, noStoreApiAnswers);
  app.use(bodyParserErrors);
  app.use(rejectMalformedPath);
  app.useGlobalPipes(createValidationPipe());
  // Before everything that answers, so that the web app's files and JSON reach phones compressed.
  app.use(httpCompression());
  app.use(cookieParser());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Swagger UI set styles on elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  const openApi = new DocumentBuilder()
    .setTitle('Leadership portfolio API')
    .setDescription('The leadership e-portfolio: frameworks, evidence, assessments and progression.')
    .setVersion('0.1.0')
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}
