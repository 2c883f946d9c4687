import { Injectable } from '@angular/core';

import type { AssessmentAnswers } from '@portfolio/contracts';

/** A trainee's part the server could not take, kept in this browser until it can. */
export interface StoredAssessmentDraft {
  /** The assessment the answers belong to, or null when it was never created. */
  assessmentId: string | null;
  /** The version the changes were made to, so that a change made elsewhere since is noticed. */
  version: number | null;
  answers: AssessmentAnswers;
  evidenceIds: string[];
  storedAt: string;
}

const keyPrefix = 'portfolio.assessment-draft';

/**
 * Like the evidence editor's drafts: kept in localStorage when the session has expired or the
 * network is down, filed under the user and the assessment (or `new-<template>`), so that
 * opening it again after signing in finds it and nobody else on the same computer does.
 */
@Injectable({ providedIn: 'root' })
export class AssessmentDraftStorage {
  read(userId: string, slot: string): StoredAssessmentDraft | null {
    try {
      const text = localStorage.getItem(keyOf(userId, slot));
      const stored = text ? (JSON.parse(text) as Partial<StoredAssessmentDraft>) : null;
      return stored && typeof stored.answers === 'object' && stored.answers !== null
        ? { ...(stored as StoredAssessmentDraft), evidenceIds: stored.evidenceIds ?? [] }
        : null;
    } catch {
      // Storage turned off, or a value this version cannot read: there is nothing to restore.
      return null;
    }
  }

  write(userId: string, slot: string, stored: StoredAssessmentDraft): void {
    try {
      localStorage.setItem(keyOf(userId, slot), JSON.stringify(stored));
    } catch {
      // Storage full or turned off: the status line still says the changes are not saved.
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
