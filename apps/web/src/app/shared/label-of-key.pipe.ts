import { Pipe, type PipeTransform } from '@angular/core';

/** A key such as `continuing-practice` as words: "Continuing practice". */
export function labelOfKey(key: string | null): string {
  const words = (key ?? '').replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `'continuing-practice' | labelOfKey` reads "Continuing practice". */
@Pipe({ name: 'labelOfKey' })
export class LabelOfKeyPipe implements PipeTransform {
  transform(key: string | null): string {
    return labelOfKey(key);
  }
}
