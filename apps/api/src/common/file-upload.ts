import type { MultipartFile } from '@fastify/multipart';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  type NestInterceptor,
  UseInterceptors,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

import { requestError } from './request-guards';

/** A file sent in a multipart form, read whole into memory (the routes' limits keep it small). */
export interface FormFile {
  originalname: string;
  buffer: Buffer;
  mimetype: string;
  size: number;
}

const formFiles = new WeakMap<FastifyRequest, FormFile>();

/**
 * Reads a multipart body through @fastify/multipart before the handler: its text fields become the
 * body (for the DTO and the ValidationPipe) and one file in `field`, at most `fileSize` bytes,
 * becomes `@UploadedFormFile()`. Any other body passes untouched, and the route has no file.
 */
export function FileUpload(field: string, limits: { fileSize: number }): MethodDecorator & ClassDecorator {
  return UseInterceptors(new FileUploadInterceptor(field, limits.fileSize));
}

/** The file `FileUpload` read, or undefined when the request carried none. */
export const UploadedFormFile = createParamDecorator(
  (_data: unknown, context: ExecutionContext): FormFile | undefined =>
    formFiles.get(context.switchToHttp().getRequest<FastifyRequest>()),
);

class FileUploadInterceptor implements NestInterceptor {
  constructor(
    private readonly field: string,
    private readonly fileSize: number,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.isMultipart()) {
      try {
        request.body = await this.readForm(request);
      } catch (error) {
        // Whatever busboy has not read yet goes nowhere, so that the answer is not stuck behind it.
        request.raw.unpipe();
        request.raw.resume();
        throw this.toHttpError(error);
      }
    }
    return next.handle();
  }

  private async readForm(request: FastifyRequest): Promise<Record<string, unknown>> {
    const fields: Record<string, unknown> = {};
    // One file per route; the library refuses a second, a file too large and a form of over 1000 parts.
    for await (const part of request.parts({ limits: { fileSize: this.fileSize, files: 1 } })) {
      if (part.type === 'file') {
        formFiles.set(request, await this.readFile(part));
      } else if (part.valueTruncated) {
        throw requestError(400, part.fieldname, `${part.fieldname} is longer than a form field may be.`);
      } else {
        const earlier = fields[part.fieldname];
        // A repeated field becomes a list, which the DTO's rules then refuse as they would in JSON.
        fields[part.fieldname] = earlier === undefined ? part.value : ([] as unknown[]).concat(earlier, part.value);
      }
    }
    return fields;
  }

  private async readFile(part: MultipartFile): Promise<FormFile> {
    if (part.fieldname !== this.field) {
      throw requestError(400, this.field, `Send the file in the field ${this.field}, not ${part.fieldname}.`);
    }
    const buffer = await part.toBuffer();
    // A part typed application/octet-stream is a file even without a file name.
    return { originalname: part.filename ?? '', buffer, mimetype: part.mimetype, size: buffer.length };
  }

  /** The library's and busboy's complaints as the API's 4xx naming the file: a broken form is the caller's. */
  private toHttpError(error: unknown): HttpException {
    if (error instanceof HttpException) {
      return error;
    }
    const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
    switch (code) {
      case 'FST_REQ_FILE_TOO_LARGE':
        return requestError(413, this.field, `The file is larger than ${megabytes(this.fileSize)} MB.`);
      case 'FST_FILES_LIMIT':
        return requestError(400, this.field, 'Send one file only.');
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return requestError(400, this.field, 'The form has too many parts.');
      case 'FST_PROTO_VIOLATION':
        return requestError(400, this.field, 'The form has a field with a reserved name.');
      case 'FST_INVALID_JSON_FIELD_ERROR':
        return requestError(400, this.field, 'The form has a field sent as JSON that is not JSON.');
      default:
        // Busboy's own words: no boundary, a part cut short, a malformed part header.
        return requestError(
          400,
          this.field,
          `The multipart form could not be read${typeof message === 'string' && message ? `: ${message}` : '.'}`,
        );
    }
  }
}

function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
