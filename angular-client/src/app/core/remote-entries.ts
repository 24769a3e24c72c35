import { Injectable } from '@angular/core';
import { Subject, type Observable } from 'rxjs';
import type { EntryChangedSubscription } from '../graphql/generated';

export type EntryChange = EntryChangedSubscription['entryChanged'];

/**
 * Entry changes as they arrive live (`Subscription.entryChanged`, made in this tab or any other of the user's
 * tabs and devices): an open editor merges them into what is on screen (entry-editor, merge-entry).
 */
@Injectable({ providedIn: 'root' })
export class RemoteEntries {
  private readonly arrivals = new Subject<EntryChange>();
  readonly changes: Observable<EntryChange> = this.arrivals.asObservable();

  arrived(change: EntryChange): void {
    this.arrivals.next(change);
  }
}
