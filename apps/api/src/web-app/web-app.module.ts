import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

import { PreparedFiles } from './prepared-files';
import { webAppStatic } from './web-app-static';

/** The built web app's directory (dist/apps/web/browser). */
const WEB_APP_ROOT = Symbol('WEB_APP_ROOT');

/**
 * The built web app on the API's port: its scripts and styles prepared ahead (PreparedFiles), then
 * its files as they are and index.html for the routes the app draws (webAppStatic). A Fastify
 * plugin of its own, so that the prepared files' hook runs for the web app's routes only, not the
 * API's.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    @Inject(WEB_APP_ROOT) private readonly rootPath: string,
    private readonly prepared: PreparedFiles,
    private readonly adapterHost: HttpAdapterHost,
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
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (webApp) => {
      webApp.addHook('onRequest', this.prepared.onRequest);
      await webApp.register(webAppStatic, { rootPath: this.rootPath });
    });
    // In the background: the server answers at once, from the build as it is until this is done.
    void this.prepared.prepare();
  }
}
