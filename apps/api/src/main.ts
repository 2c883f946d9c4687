import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { AppModule } from './app.module';
import { loadAppConfig } from './config/app-config';
import { configureApp, createHttpAdapter } from './configure-app';
import { openDatabase } from './database/open-database';
import { demoAccounts } from './demo/demo-accounts';
import { DemoSeeder } from './demo/demo-seeder';
import { FrameworkSeeder } from './frameworks/framework-seeder';

const logger = new Logger('Portfolio');
const commands = ['serve', 'migrate', 'seed'] as const;
type Command = (typeof commands)[number];

/** `main.js [serve|migrate|seed]`: serve the product, or only migrate, or migrate and import the frameworks. */
async function main(command: Command): Promise<void> {
  // The built web app sits beside the built API: dist/apps/web/browser.
  const builtWeb = join(__dirname, '../web/browser');
  const config = loadAppConfig(process.env, existsSync(join(builtWeb, 'index.html')) ? builtWeb : null);
  const database = await openDatabase(config, (message) => logger.log(message));
  let closing = false;
  const shutDown = async (exitCode: number) => {
    if (closing) return;
    closing = true;
    await app?.close().catch((error: unknown) => logger.error(error));
    await database.close();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutDown(0));
  process.once('SIGTERM', () => void shutDown(0));

  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({ config, database: { url: database.url } }),
      createHttpAdapter(),
      { logger: ['error', 'warn', 'log'] },
    );
    await configureApp(app);
    // Migrations have run as the database connection opened.
    if (command === 'migrate') {
      logger.log('The database schema is up to date.');
      await shutDown(0);
      return;
    }
    const report = await app.get(FrameworkSeeder).seedFrameworks();
    // Demo accounts on the embedded database (a try-it-out install), or when asked for.
    const withDemo =
      (config.databaseUrl === null || process.argv.includes('--demo')) && config.nodeEnv !== 'production';
    if (withDemo) {
      logger.log(`Demo data: ${await app.get(DemoSeeder).seedDemo()}`);
    }
    if (command === 'seed') {
      await shutDown(report.refused.length > 0 ? 1 : 0);
      return;
    }
    // Every interface, as a server behind a proxy or in a container needs.
    await app.listen(config.port, '0.0.0.0');
    logger.log(`Database: ${database.description}`);
    logger.log(`Leadership portfolio is running at http://localhost:${config.port}`);
    logger.log(`API documentation: http://localhost:${config.port}/api/docs`);
    if (withDemo) {
      printDemoAccounts(config.demoPassword);
    }
    if (!config.webDistDir) {
      logger.warn('The web app is not built, so only the API is served (npm start builds both).');
    }
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    await shutDown(1);
  }
}

function printDemoAccounts(password: string): void {
  const lines = demoAccounts.map((account) => {
    const line = `  ${account.email.padEnd(24)} ${account.roles.join(', ').padEnd(22)}`;
    return account.authenticatorSecret ? `${line} authenticator secret ${account.authenticatorSecret}` : line.trimEnd();
  });
  console.log(
    `\nDemo accounts (password: ${password}):\n${lines.join('\n')}\n\n` +
      'Supervisors, deanery administrators and administrators also enter a 6-digit code at sign-in.\n' +
      'Add the secret above to any authenticator app (TOTP, SHA-1, 6 digits, 30 seconds), or print\n' +
      'the current code with: npm run demo:code -- <secret> (or any other RFC 6238 tool).\n',
  );
}

const requested = process.argv[2] ?? 'serve';
if (!(commands as readonly string[]).includes(requested)) {
  console.error(`Unknown command '${requested}'. Use one of: ${commands.join(', ')}.`);
  process.exit(2);
}
void main(requested as Command).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
