import { Injectable } from '@angular/core';

/**
 * Starts a browser download of a URL. A signed object URL answers with `Content-Disposition: attachment`, so
 * following it downloads the file and leaves the page where it is (the `download` attribute alone would not do:
 * browsers ignore it for another origin).
 */
@Injectable({ providedIn: 'root' })
export class FileDownload {
  start(url: string, fileName: string): void {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.click();
  }
}
