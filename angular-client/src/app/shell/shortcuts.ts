/** Quick capture of a thought from anywhere: Ctrl+K (⌘K on a Mac). */
export function isQuickCaptureShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

export interface ShortcutHelp {
  /** Key combinations, any of which does it; each a list of keys pressed together. */
  readonly keys: readonly (readonly string[])[];
  readonly does: string;
}

/**
 * The app's keyboard shortcuts as the settings page lists them. Kept next to the shell's own and updated with the
 * handlers they describe: the shell's document keydown (quick capture), the entry editor's Ctrl+S, the dialogs'
 * Escape, the search box's and the tag box's suggestion lists.
 */
export const shortcutHelp: readonly ShortcutHelp[] = [
  { keys: [['Ctrl', 'K'], ['⌘', 'K']], does: 'Capture a thought, from any page' },
  { keys: [['Ctrl', 'S'], ['⌘', 'S']], does: 'Save the entry you are writing now' },
  { keys: [['↓'], ['↑']], does: 'Move through suggestions (search, tags)' },
  { keys: [['Enter']], does: 'Pick the highlighted suggestion' },
  { keys: [['Esc']], does: 'Close a dialog or a list of suggestions' },
];
