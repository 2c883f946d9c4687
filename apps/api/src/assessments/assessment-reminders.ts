import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ASSESSMENT_REMINDER_DAYS } from '@portfolio/contracts';

import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Mailer } from '../mail/mailer';
import { reminderMail } from './assessment-mail';

const sweepIntervalMs = 60 * 60 * 1000;

/**
 * Queues one reminder for each request that has waited a week for its assessor. The sweep runs
 * at start and hourly; marking the request in the same transaction as the mail means no
 * request is reminded twice, however many API processes sweep.
 */
@Injectable()
export class AssessmentReminders implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssessmentReminders.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') {
      return;
    }
    const sweep = () => {
      this.queueDueReminders().catch((error: unknown) => this.logger.warn(`Reminder sweep failed: ${String(error)}`));
    };
    sweep();
    this.timer = setInterval(sweep, sweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues the reminders now due; answers how many. */
  queueDueReminders(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = (await manager.query(
        `UPDATE assessment SET reminder_queued_at = now()
          WHERE status IN ('requested', 'in-progress') AND reminder_queued_at IS NULL
            AND requested_at <= now() - make_interval(days => $1)
          RETURNING id, title, trainee_id, assessor_kind, assessor_name, assessor_email,
                    floor(extract(epoch FROM now() - requested_at) / 86400)::int AS waiting_days`,
        [ASSESSMENT_REMINDER_DAYS],
      )) as [
        {
          id: string;
          title: string;
          trainee_id: string;
          assessor_kind: string;
          assessor_name: string;
          assessor_email: string;
          waiting_days: number;
        }[],
        number,
      ];
      const [rows] = due;
      for (const row of rows) {
        const [trainee] = (await manager.query(`SELECT display_name FROM app_user WHERE id = $1`, [
          row.trainee_id,
        ])) as { display_name: string }[];
        await this.mailer.send(
          reminderMail({
            to: row.assessor_email,
            assessorName: row.assessor_name,
            traineeName: trainee?.display_name ?? 'A trainee',
            title: row.title,
            waitingDays: row.waiting_days,
            // An external assessor's link came in the first message: a reminder never carries a second key.
            link: row.assessor_kind === 'external' ? null : `${this.config.publicUrl}/assessments/${row.id}`,
          }),
          manager,
        );
      }
      if (rows.length > 0) this.logger.log(`Queued ${rows.length} assessment reminder(s)`);
      return rows.length;
    });
  }
}
