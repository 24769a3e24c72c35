import type { EntryDraft } from './entry-draft';
import { mergeEntry, resolveConflicts } from './merge-entry';

const base: EntryDraft = { title: 'Harbour', content: 'At dawn.', mood: 'CALM', tags: ['sea', 'morning'] };

describe('mergeEntry (base / local / remote, field by field)', () => {
  it('takes the remote change of a field not touched here and keeps the local change of a field the remote left', () => {
    const local = { ...base, content: 'At dawn, the gulls.' };
    const remote = { ...base, title: 'Harbour walk' };
    expect(mergeEntry(base, local, remote)).toEqual({
      merged: { ...base, title: 'Harbour walk', content: 'At dawn, the gulls.' },
      conflicts: [],
    });
  });

  it('applies every remote change when nothing was touched here', () => {
    const remote: EntryDraft = { title: 'Other', content: 'Other text.', mood: 'GOOD', tags: ['x'] };
    expect(mergeEntry(base, base, remote)).toEqual({ merged: remote, conflicts: [] });
  });

  it('keeps every local change when the remote changed nothing', () => {
    const local: EntryDraft = { title: 'Mine', content: 'My text.', mood: null, tags: [] };
    expect(mergeEntry(base, local, base)).toEqual({ merged: local, conflicts: [] });
  });

  it('is no conflict when both sides made the same change', () => {
    const both = { ...base, title: 'Same', mood: 'GOOD' as const };
    expect(mergeEntry(base, both, both)).toEqual({ merged: both, conflicts: [] });
  });

  it('names only the fields both sides changed differently, holding the local value for them', () => {
    const local = { ...base, title: 'Mine', content: 'My words.', mood: 'LOW' as const };
    const remote = { ...base, title: 'Theirs', content: 'At dawn.', mood: 'GOOD' as const };
    const { merged, conflicts } = mergeEntry(base, local, remote);
    expect(conflicts).toEqual(['title', 'mood']);
    expect(merged).toEqual({ ...base, title: 'Mine', content: 'My words.', mood: 'LOW' });
  });

  it('merges tags as a set: additions and removals from both sides, never a conflict', () => {
    const local = { ...base, tags: ['sea', 'gulls'] }; // removed morning, added gulls
    const remote = { ...base, tags: ['morning', 'walk'] }; // removed sea, added walk
    expect(mergeEntry(base, local, remote)).toEqual({ merged: { ...base, tags: ['gulls', 'walk'] }, conflicts: [] });
  });

  it('a cleared mood is a change like any other', () => {
    expect(mergeEntry(base, { ...base, mood: null }, { ...base, title: 'T' }).merged).toEqual({ ...base, title: 'T', mood: null });
    expect(mergeEntry(base, { ...base, mood: null }, { ...base, mood: 'GOOD' }).conflicts).toEqual(['mood']);
  });
});

describe('resolveConflicts', () => {
  const local = { ...base, title: 'Mine', content: 'My words.' };
  const remote = { ...base, title: 'Theirs', mood: 'GOOD' as const };
  const { merged, conflicts } = mergeEntry(base, local, remote);

  it('"theirs" takes their value of the conflicting fields only, keeping the merged rest', () => {
    expect(conflicts).toEqual(['title']);
    expect(resolveConflicts(merged, remote, conflicts, 'theirs')).toEqual({ ...base, title: 'Theirs', content: 'My words.', mood: 'GOOD' });
  });

  it('"mine" keeps my value of the conflicting fields and their other changes', () => {
    expect(resolveConflicts(merged, remote, conflicts, 'mine')).toEqual({ ...base, title: 'Mine', content: 'My words.', mood: 'GOOD' });
  });
});
