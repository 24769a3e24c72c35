import { splitThought } from '../features/thoughts/thought-text';
import { isQuickCaptureShortcut } from './shortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('quick capture', () => {
  it('opens on Ctrl+K or ⌘K only', () => {
    expect(isQuickCaptureShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isQuickCaptureShortcut(key('K', { metaKey: true }))).toBe(true);
    expect(isQuickCaptureShortcut(key('k'))).toBe(false);
    expect(isQuickCaptureShortcut(key('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('takes #tags from the text', () => {
    expect(splitThought('  Call mum #Family about the #garden, #family  ')).toEqual({
      text: 'Call mum #Family about the #garden, #family',
      tags: ['family', 'garden'],
    });
    expect(splitThought('no tags, issue#12').tags).toEqual([]);
  });
});
