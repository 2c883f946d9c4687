import { Pipe, type PipeTransform } from '@angular/core';

/** "Waiting since today", "Waiting 1 day", "Waiting 12 days": how long something has waited for someone. */
export function waitingText(days: number): string {
  if (days < 1) {
    return 'Waiting since today';
  }
  return `Waiting ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** `request.waitingDays | waiting` reads "Waiting 12 days". */
@Pipe({ name: 'waiting' })
export class WaitingPipe implements PipeTransform {
  transform(days: number): string {
    return waitingText(days);
  }
}
