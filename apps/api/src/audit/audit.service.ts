import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { type ChainedFields, GENESIS_HASH, chainHash } from './audit-chain';

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

interface StoredEvent {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Record<string, unknown>;
  ip_address: string | null;
  previous_hash: string;
  hash: string;
}

const verifyBatchSize = 2_000;

/** The append-only, hash-chained record of who did what to which record, and when. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one event; inside `manager`'s transaction when given, so it stands or falls with the change. */
  async record(event: AuditEventInput, manager?: EntityManager): Promise<void> {
    if (manager) {
      await this.append(manager, event);
      return;
    }
    await this.dataSource.transaction((transaction) => this.append(transaction, event));
  }

  /** Recomputes the whole chain in order and reports the first broken link. */
  async verify(): Promise<AuditVerification> {
    let previousHash = GENESIS_HASH;
    let lastId = '0';
    let eventsChecked = 0;
    for (;;) {
      const events: StoredEvent[] = await this.dataSource.query(
        `SELECT id, occurred_at, actor_id, action, entity_type, entity_id, details, ip_address, previous_hash, hash
           FROM audit_event WHERE id > $1 ORDER BY id LIMIT $2`,
        [lastId, verifyBatchSize],
      );
      for (const event of events) {
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
    // One writer at a time, so each event links to the one truly before it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit_event'))`);
    const [last] = (await manager.query(`SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1`)) as { hash: string }[];
    const previousHash = last?.hash ?? GENESIS_HASH;
    const fields: ChainedFields = {
      occurredAt: new Date().toISOString(),
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      details: event.details ?? {},
      ipAddress: event.ipAddress ?? null,
    };
    await manager.query(
      `INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, details, ip_address, previous_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        fields.occurredAt,
        fields.actorId,
        fields.action,
        fields.entityType,
        fields.entityId,
        JSON.stringify(fields.details),
        fields.ipAddress,
        previousHash,
        chainHash(previousHash, fields),
      ],
    );
  }
}

function fieldsOf(event: StoredEvent): ChainedFields {
  return {
    occurredAt: new Date(event.occurred_at).toISOString(),
    actorId: event.actor_id,
    action: event.action,
    entityType: event.entity_type,
    entityId: event.entity_id,
    details: event.details,
    ipAddress: event.ip_address,
  };
}

function broken(eventId: string, eventsChecked: number, reason: string): AuditVerification {
  return { valid: false, eventsChecked, firstBrokenEventId: eventId, reason: `Event ${eventId}: ${reason}.` };
}
