import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AdminModule } from './admin/admin.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaseModule } from './case/case.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.provider';
import { type DatabaseTarget, typeOrmOptions } from './database/typeorm-options';
import { DemoModule } from './demo/demo.module';
import { EvidenceModule } from './evidence/evidence.module';
import { FrameworksModule } from './frameworks/frameworks.module';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { PortfolioExportModule } from './portfolio-export/portfolio-export.module';
import { ProgressModule } from './progress/progress.module';
import { ProgressionModule } from './progression/progression.module';
import { SignOffsModule } from './sign-offs/sign-offs.module';
import { StorageModule } from './storage/storage.module';
import { TraineesModule } from './trainees/trainees.module';
import { WebAppModule } from './web-app/web-app.module';
import { WorkListsModule } from './work-lists/work-lists.module';

export interface AppModuleOptions {
  config: AppConfig;
  database: DatabaseTarget;
}

@Module({})
export class AppModule {
  static register({ config, database }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.register(config),
        TypeOrmModule.forRoot({
          ...typeOrmOptions(database),
          migrationsRun: true,
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        ...(config.webDistDir ? [WebAppModule.register(config.webDistDir)] : []),
        AuditModule,
        AuthModule,
        StorageModule,
        HealthModule,
        FrameworksModule,
        DemoModule,
        TraineesModule,
        AdminModule,
        EvidenceModule,
        SignOffsModule,
        ProgressModule,
        MailModule,
        AssessmentsModule,
        WorkListsModule,
        ProgressionModule,
        CaseModule,
        PortfolioExportModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }],
    };
  }
}
