import { Injectable } from '@angular/core';
import type { ApiError } from '../../core/graphql-errors';

export interface SignedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
}

/** Headers a page may not set (the browser does, from the body): sent as part of the signature, not by us. */
const setByBrowser = new Set(['content-length', 'host', 'connection', 'expect']);

/**
 * Sends a file's bytes to a signed object-storage URL, straight from the browser (never through the gateway).
 * XMLHttpRequest, not fetch: only it reports upload progress. Failures are ApiErrors the UI already knows.
 */
@Injectable({ providedIn: 'root' })
export class ObjectTransfer {
  send(request: SignedRequest, body: Blob, progress: (sent: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      for (const { name, value } of request.headers) if (!setByBrowser.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => progress(event.loaded);
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(transferError(xhr.status)));
      xhr.onerror = () => reject(transferError(0));
      xhr.send(body);
    });
  }
}

/** What object storage's answer means for the person uploading. */
export function transferError(status: number): ApiError {
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: 'the file is larger than the storage accepts' };
  if (status === 403) return { code: 'FORBIDDEN', message: 'the upload link was refused or has expired: try again' };
  if (status === 0) return { code: 'NETWORK', message: 'The file could not be sent: the storage server could not be reached.' };
  return { code: 'UNKNOWN', message: `the storage server answered ${status}` };
}
