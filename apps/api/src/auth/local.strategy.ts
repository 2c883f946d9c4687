import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';

import { clientOf } from './access.decorators';
import { AuthService, type PasswordAccepted } from './auth.service';

/** Email and password sign-in through passport; the session is ours, not passport's. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<PasswordAccepted> {
    return this.auth.verifyCredentials(email, password, clientOf(request));
  }
}
