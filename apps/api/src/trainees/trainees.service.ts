import { Injectable, NotFoundException } from '@nestjs/common';

import type { TraineePage, TraineeView } from '@portfolio/contracts';

import type { SessionUser } from '../auth/session.service';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { TraineesRepository } from './trainees.repository';

@Injectable()
export class TraineesService {
  constructor(private readonly trainees: TraineesRepository) {}

  async list(user: SessionUser, cursor: string | undefined, limit: number): Promise<TraineePage> {
    const after = decodeCursor(cursor, ['displayName', 'id'] as const);
    const items = await this.trainees.listVisible(user, { after, limit: limit + 1 });
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > limit && last ? encodeCursor({ displayName: last.displayName, id: last.id }) : null,
    };
  }

  async get(user: SessionUser, traineeId: string): Promise<TraineeView> {
    const trainee = await this.trainees.findVisible(user, traineeId);
    if (!trainee) {
      throw new NotFoundException('There is no trainee with that id that you can see.');
    }
    return trainee;
  }
}
