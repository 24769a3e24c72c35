import type { SaveState } from './autosave';

/** Why a draft is held back instead of sent: over a limit, no text yet, or no journal chosen yet. */
export type HeldBack = 'invalid' | 'no-content' | 'no-journal';

export interface SaveSituation {
  readonly state: SaveState;
  readonly loading: boolean;
  /** The server has this entry. */
  readonly existing: boolean;
  /** The draft differs from what the server last acknowledged. */
  readonly dirty: boolean;
  readonly heldBack: HeldBack | null;
  /** A refusal from the server names a field shown in the form. */
  readonly refusedField: boolean;
  readonly offline: boolean;
}

export interface SaveStatus {
  readonly kind: SaveState | 'loading' | 'held';
  readonly text: string;
}

/**
 * The one line that tells the writer whether their words are safe. "All changes saved" only when the draft on
 * screen is exactly what the server acknowledged — never after a refusal, a held-back draft or a discarded one.
 */
export function saveStatus(s: SaveSituation): SaveStatus {
  if (s.loading) return { kind: 'loading', text: 'Loading…' };
  if (s.state === 'conflict') return { kind: 'conflict', text: 'Changed elsewhere — choose a version' };
  if (s.dirty && s.heldBack) {
    const why = { invalid: 'fix the highlighted field', 'no-content': 'an entry needs some text', 'no-journal': 'choose a journal' }[s.heldBack];
    // over a limit is a problem to fix; no text or journal yet is only a draft not begun
    return { kind: s.heldBack === 'invalid' ? 'held' : 'unsaved', text: `Not saved — ${why}` };
  }
  switch (s.state) {
    case 'saving': return { kind: 'saving', text: 'Saving…' };
    case 'unsaved': return { kind: 'unsaved', text: 'Unsaved changes' };
    case 'rejected':
      return { kind: 'rejected', text: s.refusedField ? 'Not saved — fix the highlighted field' : 'Not saved — see the message below' };
    case 'retrying':
      return s.offline
        ? { kind: 'retrying', text: 'Offline — kept on this device, saves when you are back' }
        : { kind: 'retrying', text: 'Not saved yet — trying again…' };
    case 'saved': return s.dirty ? { kind: 'unsaved', text: 'Unsaved changes' } : { kind: 'saved', text: 'All changes saved' };
    case 'idle':
      if (s.dirty) return { kind: 'unsaved', text: 'Unsaved changes' };
      return { kind: 'idle', text: s.existing ? 'Up to date' : 'New entry' };
  }
}
