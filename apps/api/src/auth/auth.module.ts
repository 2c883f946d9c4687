import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';

import { AccountsModule } from '../accounts/accounts.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticatorController } from './authenticator.controller';
import { AuthenticatorService } from './authenticator.service';
import { LocalStrategy } from './local.strategy';
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
    LocalStrategy,
    SessionService,
    SignInStepService,
    SignInThrottle,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SessionService],
})
export class AuthModule {}
