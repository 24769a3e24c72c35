import { Injectable, inject } from '@angular/core';
import { SessionStore } from '../../core/session-store';
import type { EntryDraft } from './entry-draft';

/** A draft the server does not have yet, kept on this device until it does. */
export interface LocalDraft {
  readonly draft: EntryDraft;
  /** The version the draft was written on (null: a new entry): saving on it shows a change made elsewhere since as a conflict. */
  readonly baseVersion: number | null;
  /** The entry as it was at `baseVersion` (what the draft was written on): a change made elsewhere since is merged field by field. */
  readonly base?: EntryDraft;
  /** A new entry's createEntry key: a create that reached the server before the page went away is not made twice. */
  readonly idempotencyKey?: string;
  /** The tab that wrote it (LocalDrafts.tab): only that tab may send its idempotencyKey again. */
  readonly tab?: string;
  /** A new entry's day when it is backdated (YYYY-MM-DD, local). */
  readonly day?: string;
  /** When it was last written (ISO). */
  readonly keptAt: string;
}

/** Where a draft belongs: an entry the server has, or a new entry in a journal (or in none chosen yet). */
export type DraftSlot = { readonly entryId: string } | { readonly newInJournal: string | null };

/**
 * Unsaved entry drafts in localStorage, per signed-in user, so that closing the tab, leaving the page, a rejected
 * save or a dropped network never loses what was written. Written on every change, removed once the server has
 * it. Storage that is missing or full only means no copy is kept: the editor still works.
 */
@Injectable({ providedIn: 'root' })
export class LocalDrafts {
  private readonly session = inject(SessionStore);

  /**
   * This tab's id, kept in sessionStorage: the same after a reload (and a reopened tab), another one in another
   * tab. A new entry's slot is shared by the tabs, but its createEntry key is reused only by the tab that wrote
   * it: two tabs writing new entries never send the same key, so their drafts never become one entry.
   */
  tab(): string {
    try {
      const store = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
      const id = store?.getItem(tabKey);
      if (id) return id;
      const fresh = crypto.randomUUID();
      store?.setItem(tabKey, fresh);
      return store ? fresh : noStorageTab;
    } catch {
      return noStorageTab;
    }
  }

  key(slot: DraftSlot): string {
    const user = this.session.user()?.id ?? 'anonymous';
    const where = 'entryId' in slot ? `entry:${slot.entryId}` : `new:${slot.newInJournal ?? 'any'}`;
    return `mindflow:draft:${user}:${where}`;
  }

  read(slot: DraftSlot): LocalDraft | null {
    try {
      const text = storage()?.getItem(this.key(slot));
      const value = text ? (JSON.parse(text) as Partial<LocalDraft>) : null;
      return value?.draft && typeof value.draft.content === 'string' ? (value as LocalDraft) : null;
    } catch {
      return null;
    }
  }

  write(slot: DraftSlot, value: LocalDraft): void {
    try {
      storage()?.setItem(this.key(slot), JSON.stringify(value));
    } catch {
      // quota exceeded or storage disabled: nothing to keep it in
    }
  }

  remove(slot: DraftSlot): void {
    try {
      storage()?.removeItem(this.key(slot));
    } catch {
      // as above
    }
  }
}

const tabKey = 'mindflow:tab';
/** Without sessionStorage this page is its own tab. */
const noStorageTab = crypto.randomUUID();

function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}
