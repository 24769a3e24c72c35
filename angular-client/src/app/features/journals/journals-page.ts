import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { ErrorMessage } from '../../shared/error-message';
import {
  CreateJournalDocument, DeleteJournalDocument, JournalsDocument, UpdateJournalDocument, type JournalFieldsFragment,
} from '../../graphql/generated';
import { journalColors, journalIcons } from './journal-style';

@Component({
  selector: 'mf-journals-page',
  imports: [FormsModule, RouterLink, ConfirmDialog, ErrorMessage],
  templateUrl: './journals-page.html',
  styles: `
    .journal { display: flex; gap: .75rem; align-items: center; }
    .icon { font-size: 1.6rem; width: 2.6rem; height: 2.6rem; display: grid; place-items: center; border-radius: 10px; color: #fff; }
    .swatch { width: 1.8rem; height: 1.8rem; border-radius: 50%; border: 2px solid transparent; min-height: auto; padding: 0; }
    .swatch[aria-pressed=true] { border-color: var(--text); box-shadow: 0 0 0 2px #fff inset; }
    .pick { min-height: auto; padding: .2rem .4rem; background: var(--surface); border-color: var(--border); }
    .pick[aria-pressed=true] { border-color: var(--accent); background: var(--accent-soft); }
    fieldset { border: 0; padding: 0; margin: 0 0 .75rem; } legend { font-weight: 600; margin-bottom: .25rem; }
    .inline { display: flex; gap: .4rem; align-items: center; font-weight: 400; margin-bottom: .75rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JournalsPage {
  private readonly gql = inject(Gql);
  protected readonly colors = journalColors;
  protected readonly icons = journalIcons;
  protected readonly journals = this.gql.watch(JournalsDocument, () => ({ first: 50 }));
  protected readonly list = computed(() => this.journals.data()?.journals.edges.map((e) => e.node) ?? []);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly deleting = signal<JournalFieldsFragment | null>(null);
  protected draft = { name: '', description: '', isPrivate: false, color: journalColors[0] as string, icon: journalIcons[0] as string };
  protected edit = { name: '', description: '', isPrivate: false, color: '', icon: '' };

  protected async create(): Promise<void> {
    const name = this.draft.name.trim();
    if (!name) return;
    await this.run(async () => {
      const { createJournal } = await this.gql.mutate(CreateJournalDocument, {
        input: { name, description: this.draft.description.trim() || null, isPrivate: this.draft.isPrivate, color: this.draft.color, icon: this.draft.icon },
      });
      this.draft = { ...this.draft, name: '', description: '' };
      await this.journals.refetch({ consistentWith: createJournal.consistencyToken });
    });
  }

  protected startEdit(journal: JournalFieldsFragment): void {
    this.edit = {
      name: journal.name, description: journal.description ?? '', isPrivate: journal.isPrivate,
      color: journal.color ?? journalColors[0], icon: journal.icon ?? journalIcons[0],
    };
    this.editing.set(journal.id);
  }

  protected async saveEdit(journal: JournalFieldsFragment): Promise<void> {
    await this.run(async () => {
      await this.gql.mutate(UpdateJournalDocument, {
        id: journal.id, expectedVersion: journal.version, input: {
          name: this.edit.name.trim(), description: this.edit.description.trim() || null, isPrivate: this.edit.isPrivate,
          color: this.edit.color, icon: this.edit.icon,
        },
      });
      this.editing.set(null);
    });
  }

  protected async confirmDelete(confirmed: boolean): Promise<void> {
    const journal = this.deleting();
    this.deleting.set(null);
    if (!confirmed || !journal) return;
    await this.run(async () => {
      const { deleteJournal } = await this.gql.mutate(DeleteJournalDocument, { id: journal.id, expectedVersion: journal.version });
      await this.journals.refetch({ consistentWith: deleteJournal.consistencyToken });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    try {
      await action();
    } catch (e) {
      this.error.set(e as ApiError);
      if ((e as ApiError).code === 'CONFLICT') await this.journals.refetch({ fresh: true });
    }
  }
}
