import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';

import { AccountsModule } from '../accounts/accounts.module';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { resolveSecretsKeys } from '../config/secrets-key';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticatorSecrets } from './authenticator-secrets';
import { AuthenticatorController } from './authenticator.controller';
import { AuthenticatorService } from './authenticator.service';
import { LocalStrategy } from './local.strategy';
import { SecretBox } from './secret-box';
import { SessionCache } from './session-cache';
import { SessionService } from './session.service';
import { SignInStepService } from './sign-in-step.service';
import { SignInThrottle } from './sign-in-throttle';

@Global()
@Module({
  imports: [PassportModule, AccountsModule],
  controllers: [AuthController, AuthenticatorController],
  providers: [
    AuthService,
    AuthenticatorService,
    AuthenticatorSecrets,
    {
      provide: SecretBox,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const keys = resolveSecretsKeys(config, (message) => new Logger('Secrets').log(message));
        return new SecretBox(keys.key, keys.previousKey);
      },
    },
    LocalStrategy,
    SessionCache,
    SessionService,
    SignInStepService,
    SignInThrottle,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthenticatorSecrets, SessionService],
})
export class AuthModule {}
