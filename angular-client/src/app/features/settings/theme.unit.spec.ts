import { TestBed } from '@angular/core/testing';
import { ThemePreference, themeStorageKey } from './theme';

describe('ThemePreference', () => {
  const root = document.documentElement;
  beforeEach(() => {
    localStorage.clear();
    root.removeAttribute('data-theme');
  });
  afterEach(() => root.removeAttribute('data-theme'));

  it('follows the system until a choice is made: no data-theme, nothing stored', () => {
    const theme = TestBed.inject(ThemePreference);
    expect(theme.choice()).toBe('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('pins dark or light on <html>, remembers it, and forgets it again for System', () => {
    const theme = TestBed.inject(ThemePreference);
    theme.choose('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(localStorage.getItem(themeStorageKey)).toBe('dark');
    theme.choose('light');
    expect(root.getAttribute('data-theme')).toBe('light');
    theme.choose('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
    expect(localStorage.getItem(themeStorageKey)).toBeNull();
  });

  it('applies the remembered choice when the app starts, and ignores a value it does not know', () => {
    localStorage.setItem(themeStorageKey, 'dark');
    expect(TestBed.inject(ThemePreference).choice()).toBe('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');

    TestBed.resetTestingModule();
    root.removeAttribute('data-theme');
    localStorage.setItem(themeStorageKey, 'sepia');
    expect(TestBed.inject(ThemePreference).choice()).toBe('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('takes up a choice made in another tab', () => {
    const theme = TestBed.inject(ThemePreference);
    localStorage.setItem(themeStorageKey, 'dark');
    window.dispatchEvent(new StorageEvent('storage', { key: themeStorageKey, newValue: 'dark' }));
    expect(theme.choice()).toBe('dark');
    expect(root.getAttribute('data-theme')).toBe('dark');
    window.dispatchEvent(new StorageEvent('storage', { key: 'mindflow:draft:x', newValue: '{}' }));
    expect(theme.choice()).toBe('dark');
    window.dispatchEvent(new StorageEvent('storage', { key: themeStorageKey, newValue: null }));
    expect(theme.choice()).toBe('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });

  it('still switches when storage refuses to remember', () => {
    const theme = TestBed.inject(ThemePreference);
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError'); });
    try {
      theme.choose('dark');
      expect(root.getAttribute('data-theme')).toBe('dark');
    } finally {
      setItem.mockRestore();
    }
  });
});
