import { DOCUMENT, Injectable, inject, signal } from '@angular/core';

/** System: light or dark as the device is (prefers-color-scheme); Light and Dark pin one. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const themeChoices: readonly { readonly value: ThemeChoice; readonly label: string; readonly hint: string }[] = [
  { value: 'system', label: 'System', hint: 'light or dark as your device is set' },
  { value: 'light', label: 'Light', hint: '' },
  { value: 'dark', label: 'Dark', hint: '' },
];

/** The choice's key in localStorage (per device, not per account: it is about this screen). */
export const themeStorageKey = 'mindflow:theme';

function parseChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/**
 * The theme on <html>: `data-theme` pins light or dark (styles.css sets `color-scheme` from it, and every colour is
 * a `light-dark()` pair); without it the page follows the system. Remembered in localStorage; a choice made in
 * another tab applies here too (the storage event). Storage that is missing or refused only means it is not
 * remembered.
 */
@Injectable({ providedIn: 'root' })
export class ThemePreference {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<ThemeChoice>(parseChoice(this.read()));
  readonly choice = this.current.asReadonly();

  constructor() {
    this.apply(this.current());
    this.document.defaultView?.addEventListener('storage', (event) => {
      if (event.key !== themeStorageKey && event.key !== null) return; // null: the other tab cleared the storage
      this.current.set(parseChoice(event.key === null ? null : event.newValue));
      this.apply(this.current());
    });
  }

  choose(choice: ThemeChoice): void {
    this.current.set(choice);
    this.apply(choice);
    try {
      const storage = this.document.defaultView?.localStorage;
      if (choice === 'system') storage?.removeItem(themeStorageKey);
      else storage?.setItem(themeStorageKey, choice);
    } catch {
      // not remembered (storage disabled or full): the choice still holds until the page is closed
    }
  }

  private apply(choice: ThemeChoice): void {
    const root = this.document.documentElement;
    if (choice === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', choice);
  }

  private read(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(themeStorageKey) ?? null;
    } catch {
      return null;
    }
  }
}
