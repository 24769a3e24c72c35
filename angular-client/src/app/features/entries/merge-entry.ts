import type { EntryDraft } from './entry-draft';

/** The fields of an entry that two tabs (or devices) can change apart from each other. */
export type MergeField = 'title' | 'content' | 'mood' | 'tags';

export const mergeFields: readonly MergeField[] = ['title', 'content', 'mood', 'tags'];

export interface EntryMerge {
  /** Both sides' changes; a field changed on both sides (a conflict) holds the local value until the user chooses. */
  readonly merged: EntryDraft;
  /** The fields changed on both sides to different values: only these need the user. */
  readonly conflicts: readonly MergeField[];
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

const same = (field: MergeField, a: EntryDraft[MergeField], b: EntryDraft[MergeField]): boolean =>
  field === 'tags' ? sameTags(a as readonly string[], b as readonly string[]) : a === b;

/**
 * A three-way merge of an entry, field by field: `base` is the version both sides started from (what the server
 * last acknowledged to this editor), `local` what is on screen, `remote` the server's newer version. A field only
 * one side changed takes that side's value; a field both changed to the same value is that value; a field both
 * changed differently is a conflict. Tags are a set: additions and removals on either side are all kept, so they
 * never conflict (the local order first, then what the other side added).
 */
export function mergeEntry(base: EntryDraft, local: EntryDraft, remote: EntryDraft): EntryMerge {
  const conflicts: MergeField[] = [];
  const pick = <F extends 'title' | 'content' | 'mood'>(field: F): EntryDraft[F] => {
    const b = base[field];
    const l = local[field];
    const r = remote[field];
    if (l === b) return r;
    if (r === b || l === r) return l;
    conflicts.push(field);
    return l;
  };
  const merged: EntryDraft = {
    title: pick('title'),
    content: pick('content'),
    mood: pick('mood'),
    tags: mergeTags(base.tags, local.tags, remote.tags),
  };
  return { merged, conflicts: mergeFields.filter((f) => conflicts.includes(f)) };
}

function mergeTags(base: readonly string[], local: readonly string[], remote: readonly string[]): readonly string[] {
  if (sameTags(local, base)) return remote;
  if (sameTags(remote, base) || sameTags(local, remote)) return local;
  const removedThere = new Set(base.filter((t) => !remote.includes(t)));
  const kept = local.filter((t) => !removedThere.has(t));
  const addedThere = remote.filter((t) => !base.includes(t) && !kept.includes(t));
  return [...kept, ...addedThere];
}

/** The fields in which two drafts differ. */
export function changedFields(a: EntryDraft, b: EntryDraft): MergeField[] {
  return mergeFields.filter((field) => !same(field, a[field], b[field]));
}

/** The draft once the user answered a conflict: their value for every conflicting field, or mine (as merged). */
export function resolveConflicts(merged: EntryDraft, remote: EntryDraft, conflicts: readonly MergeField[], choice: 'mine' | 'theirs'): EntryDraft {
  if (choice === 'mine') return merged;
  const resolved: Record<string, unknown> = { ...merged };
  for (const field of conflicts) resolved[field] = remote[field];
  return resolved as unknown as EntryDraft;
}
