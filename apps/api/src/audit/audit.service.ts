import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type ChainedFields,
  GENESIS_HASH,
  type StoredEvent,
  auditWritersLock,
  chainHash,
  fieldsOf,
  storedEventColumns,
} from './audit-chain';
import { AuditChainer } from './audit-chainer';

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  ipAddress?: string | null;
}

export interface AuditVerification {
  valid: boolean;
  eventsChecked: number;
  /** The first event whose stored hash or link does not match, if any. */
  firstBrokenEventId: string | null;
  reason: string | null;
}

const verifyBatchSize = 2_000;

/**
 * The append-only, hash-chained record of who did what to which record, and when. Events are
 * written with the change they record and chained just after it commits (AuditChainer).
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chainer: AuditChainer,
  ) {}

  /** Appends one event; inside `manager`'s transaction when given, so it stands or falls with the change. */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    if (manager) {
      await this.append(manager, event);
      return;
    }
    await this.dataSource.transaction((transaction) => this.append(transaction, event));
  }

  /** Chains what has committed, then recomputes the whole chain in order and reports the first broken link. */
  async verify(): Promise<AuditVerification> {
    await this.chainer.chainPending();
    let previousHash = GENESIS_HASH;
    let lastId = '0';
    let eventsChecked = 0;
    for (;;) {
      const events: StoredEvent[] = await this.dataSource.query(
        `SELECT ${storedEventColumns} FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
        [lastId, verifyBatchSize],
      );
      for (const event of events) {
        if (event.hash === null) {
          // Committed since the chainer ran, the rest is verified once it is chained. Events are
          // chained in id order, so a chained event after this one means its hashes were removed.
          const [later] = (await this.dataSource.query(
            `SELECT id FROM audit_event WHERE id > $1 AND hash IS NOT NULL ORDER BY id LIMIT 1`,
            [event.id],
          )) as { id: string }[];
          if (later) return broken(event.id, eventsChecked, 'it is not chained, yet later events are');
          return { valid: true, eventsChecked, firstBrokenEventId: null, reason: null };
        }
        if (event.previous_hash !== previousHash) {
          return broken(event.id, eventsChecked, 'its link to the previous event does not match');
        }
        if (chainHash(previousHash, fieldsOf(event)) !== event.hash) {
          return broken(event.id, eventsChecked, 'its content does not match its hash');
        }
        previousHash = event.hash;
        lastId = event.id;
        eventsChecked++;
      }
      if (events.length < verifyBatchSize) {
        return { valid: true, eventsChecked, firstBrokenEventId: null, reason: null };
      }
    }
  }

  private async append(manager: EntityManager, event: AuditEventInput): Promise<void> {
    const fields: ChainedFields = {
      occurredAt: new Date().toISOString(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      details: event.details ?? {},
      ipAddress: event.ipAddress ?? null,
    };
    // The writers' lock (shared: writers do not wait for each other) is taken before the event
    // takes its id, and held to commit, which is what lets the chainer know which ids are settled.
    await manager.query(
      `WITH writer AS (SELECT pg_advisory_xact_lock_shared(${auditWritersLock}))
       INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, details, ip_address)
       SELECT $1::timestamptz, $2::uuid, $3::text, $4::text, $5::text, $6::jsonb, $7::text FROM writer`,
      [
        fields.occurredAt,
        fields.actorId,
        fields.action,
        fields.entityType,
        fields.entityId,
        JSON.stringify(fields.details),
        fields.ipAddress,
      ],
    );
  }
}

function broken(eventId: string, eventsChecked: number, reason: string): AuditVerification {
  return { valid: false, eventsChecked, firstBrokenEventId: eventId, reason: `Event ${eventId}: ${reason}.` };
}
