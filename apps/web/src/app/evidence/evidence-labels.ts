import { Pipe, type PipeTransform } from '@angular/core';

import {
  type EvidenceStatus,
  type EvidenceType,
  type EvidenceVisibility,
  evidenceTypeLabels,
} from '@portfolio/contracts';

export const evidenceStatusLabels: Record<EvidenceStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  locked: 'Locked',
};

/** NHS tag colours: a draft still needs the trainee, a locked item is settled. */
export const evidenceStatusTagClasses: Record<EvidenceStatus, string> = {
  draft: 'nhsuk-tag nhsuk-tag--yellow',
  submitted: 'nhsuk-tag nhsuk-tag--blue',
  locked: 'nhsuk-tag nhsuk-tag--grey',
};

/** Short forms for lists; the editor explains each in full. */
export const evidenceVisibilityShortLabels: Record<EvidenceVisibility, string> = {
  private: 'Private',
  supervisor: 'Supervisor',
  panel: 'Supervisor and panel',
};

/** `item.type | evidenceType` reads "Service-improvement project". */
@Pipe({ name: 'evidenceType' })
export class EvidenceTypePipe implements PipeTransform {
  transform(type: EvidenceType): string {
    return evidenceTypeLabels[type];
  }
}

/** `item.status | evidenceStatus` reads "Submitted". */
@Pipe({ name: 'evidenceStatus' })
export class EvidenceStatusPipe implements PipeTransform {
  transform(status: EvidenceStatus): string {
    return evidenceStatusLabels[status];
  }
}

/** The NHS tag classes for a status. */
@Pipe({ name: 'evidenceStatusTag' })
export class EvidenceStatusTagPipe implements PipeTransform {
  transform(status: EvidenceStatus): string {
    return evidenceStatusTagClasses[status];
  }
}

/** `item.visibility | visibility` reads "Supervisor and panel". */
@Pipe({ name: 'visibility' })
export class VisibilityPipe implements PipeTransform {
  transform(visibility: EvidenceVisibility): string {
    return evidenceVisibilityShortLabels[visibility];
  }
}

/** "1.2 MB": a file size as people read it. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${Math.round(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

@Pipe({ name: 'fileSize' })
export class FileSizePipe implements PipeTransform {
  transform(bytes: number): string {
    return fileSizeLabel(bytes);
  }
}
