import { Module } from '@nestjs/common';

import { AuthenticatorRepository } from './authenticator.repository';
import { UserRepository } from './user.repository';

@Module({ providers: [UserRepository, AuthenticatorRepository], exports: [UserRepository, AuthenticatorRepository] })
export class AccountsModule {}
