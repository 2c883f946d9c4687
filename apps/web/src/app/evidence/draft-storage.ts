import { Injectable } from '@angular/core';

import type { EvidenceDraft } from './evidence-draft';

/** A draft the server could not take, kept in this browser until it can. */
export interface StoredDraft {
  /** The item the draft belongs to, or null when it was never created. */
  itemId: string | null;
  /** The version the changes were made to, so that a change made elsewhere since is noticed. */
  version: number | null;
  draft: EvidenceDraft;
  storedAt: string;
}

const keyPrefix = 'portfolio.evidence-draft';

/**
 * Drafts kept in localStorage when the session has expired or the network is down. Each is
 * filed under the user and the editor it was written in (an item's id, or 'new'), so that
 * opening that editor again after signing in finds it, and nobody else who signs in on the
 * same ward computer does.
 */
@Injectable({ providedIn: 'root' })
export class DraftStorage {
  read(userId: string, slot: string): StoredDraft | null {
    try {
      const text = localStorage.getItem(keyOf(userId, slot));
      const stored = text ? (JSON.parse(text) as Partial<StoredDraft>) : null;
      return stored && typeof stored.draft === 'object' && stored.draft !== null ? (stored as StoredDraft) : null;
    } catch {
      // Storage turned off, or a value this version cannot read: there is nothing to restore.
      return null;
    }
  }

  write(userId: string, slot: string, stored: StoredDraft): boolean {
    try {
      localStorage.setItem(keyOf(userId, slot), JSON.stringify(stored));
      return true;
    } catch {
      return false;
    }
  }

  remove(userId: string, slot: string): void {
    try {
      localStorage.removeItem(keyOf(userId, slot));
    } catch {
      // Nothing was kept.
    }
  }
}

function keyOf(userId: string, slot: string): string {
  return `${keyPrefix}.${userId}.${slot}`;
}
