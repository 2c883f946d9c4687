import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ApplicationConfig, HttpAdapterHost } from '@nestjs/core';
import { ExpressLoader } from '@nestjs/serve-static';
import type { Application } from 'express';

import { PreparedFiles } from './prepared-files';
import { webAppStaticOptions } from './web-app-static';

/** The built web app's directory (dist/apps/web/browser). */
const WEB_APP_ROOT = Symbol('WEB_APP_ROOT');

/**
 * The built web app on the API's port: its scripts and styles prepared ahead (PreparedFiles), then
 * its files as they are and index.html for the routes the app draws. ServeStaticModule's own loader
 * does the last two; it is called here, after the first, rather than imported, so that the
 * prepared copies come first (Nest's middleware would sit under the /api prefix).
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    @Inject(WEB_APP_ROOT) private readonly rootPath: string,
    private readonly prepared: PreparedFiles,
    private readonly adapterHost: HttpAdapterHost,
    private readonly applicationConfig: ApplicationConfig,
  ) {}

  static register(rootPath: string): DynamicModule {
    return {
      module: WebAppModule,
      providers: [
        { provide: WEB_APP_ROOT, useValue: rootPath },
        { provide: PreparedFiles, useValue: new PreparedFiles(rootPath) },
      ],
    };
  }

  onModuleInit(): void {
    const httpAdapter = this.adapterHost.httpAdapter;
    httpAdapter.getInstance<Application>().use(this.prepared.middleware);
    new ExpressLoader().register(httpAdapter, this.applicationConfig, [webAppStaticOptions(this.rootPath)]);
    // In the background: the server answers at once, from the build as it is until this is done.
    void this.prepared.prepare();
  }
}
