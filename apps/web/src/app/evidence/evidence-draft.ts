import {
  type CreateEvidenceRequest,
  type EvidenceLinkInput,
  type EvidenceType,
  type EvidenceView,
  type EvidenceVisibility,
} from '@portfolio/contracts';

/** A link as the editor holds it: what the API takes, plus the element's code and title to show. */
export interface DraftLink {
  elementKey: string;
  stageKey: string;
  note: string;
  elementCode: string;
  elementTitle: string;
}

/** The editor's copy of an evidence item, as typed. */
export interface EvidenceDraft {
  type: EvidenceType;
  title: string;
  occurredOn: string;
  body: string;
  visibility: EvidenceVisibility;
  links: DraftLink[];
}

/** Reflections start private: the trainee chooses to share them. Other evidence is for the supervisor. */
export function defaultVisibilityFor(type: EvidenceType): EvidenceVisibility {
  return type === 'reflection' ? 'private' : 'supervisor';
}

/** Today as YYYY-MM-DD in the trainee's own time zone. */
export function todayIsoDate(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

export function newDraft(type: EvidenceType = 'reflection', now = new Date()): EvidenceDraft {
  return {
    type,
    title: '',
    occurredOn: todayIsoDate(now),
    body: '',
    visibility: defaultVisibilityFor(type),
    links: [],
  };
}

export function draftFromView(item: EvidenceView): EvidenceDraft {
  return {
    type: item.type,
    title: item.title,
    occurredOn: item.occurredOn,
    body: item.body,
    visibility: item.visibility,
    links: item.links.map((link) => ({
      elementKey: link.elementKey,
      stageKey: link.stageKey,
      note: link.note,
      elementCode: link.elementCode,
      elementTitle: link.elementTitle,
    })),
  };
}

export function linkInputs(draft: EvidenceDraft): EvidenceLinkInput[] {
  return draft.links.map((link) => {
    const note = link.note.trim();
    return note
      ? { elementKey: link.elementKey, stageKey: link.stageKey, note }
      : { elementKey: link.elementKey, stageKey: link.stageKey };
  });
}

/** Every field, so that a save is the whole draft and never half of it. */
export function draftRequest(draft: EvidenceDraft): Required<Omit<CreateEvidenceRequest, 'links'>> & {
  links: EvidenceLinkInput[];
} {
  return {
    type: draft.type,
    title: draft.title.trim(),
    occurredOn: draft.occurredOn,
    body: draft.body,
    visibility: draft.visibility,
    links: linkInputs(draft),
  };
}

/** A date as YYYY-MM-DD that is on the calendar: 2026-02-30 is not. */
export function isRealIsoDate(value: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) {
    return false;
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why the API would refuse the draft as it stands, or null when it can be saved. */
export function whyNotSaveable(draft: EvidenceDraft): string | null {
  if (!draft.title.trim()) {
    return 'Your draft will be saved once it has a title.';
  }
  if (!isRealIsoDate(draft.occurredOn)) {
    return 'Your draft will be saved once it has a real date.';
  }
  return null;
}
