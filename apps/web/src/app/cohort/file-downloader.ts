import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Saves a file the API serves, such as a report's PDF, without leaving the page. */
@Injectable({ providedIn: 'root' })
export class FileDownloader {
  private readonly document = inject(DOCUMENT);

  download(url: string): void {
    // A same-origin link with `download` saves the file even if the API were to serve it inline.
    const link = this.document.createElement('a');
    link.href = url;
    link.download = '';
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
  }
}
