import { Pipe, type PipeTransform } from '@angular/core';

/** "1 element", "28 elements": a number with its noun in the right number. */
@Pipe({ name: 'count' })
export class CountPipe implements PipeTransform {
  transform(count: number, singular: string, plural = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : plural}`;
  }
}
