import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Application } from 'express';
import helmet from 'helmet';

import { API_PREFIX } from '@portfolio/contracts';

import { createValidationPipe } from './common/validation';

/** Everything about the HTTP surface that the server and the API tests must share. */
export function configureApp(app: INestApplication): void {
  // CASE tools look for the 1EdTech paths at /ims/case/v1p1, outside the API's own prefix.
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'ims/{*path}', method: RequestMethod.ALL }] });
  // Behind a proxy on this host, trust its X-Forwarded-* for the client address and HTTPS.
  (app.getHttpAdapter().getInstance() as Application).set('trust proxy', 'loopback');
  // Evidence bodies, cohort CSV files and CASE packages (up to 10 MB) arrive as JSON; files come as
  // multipart, limited per route.
  (app as NestExpressApplication).useBodyParser('json', { limit: '10mb' });
  app.useGlobalPipes(createValidationPipe());
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
