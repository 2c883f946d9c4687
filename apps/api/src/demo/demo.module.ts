import { Module } from '@nestjs/common';

import { DemoSeeder } from './demo-seeder';

@Module({ providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
