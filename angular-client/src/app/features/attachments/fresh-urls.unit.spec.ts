import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { keepUrlsFresh } from './fresh-urls';

describe('keepUrlsFresh', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the list again (fresh) before its URLs expire, and stops with its component', async () => {
    vi.useFakeTimers();
    const reads: unknown[] = [];
    const list = { refetch: async (options?: unknown) => { reads.push(options); } };
    @Component({ template: '' })
    class Shows { readonly files = keepUrlsFresh(list, 1000); }
    const fixture = TestBed.createComponent(Shows);
    expect(fixture.componentInstance.files).toBe(list);
    await vi.advanceTimersByTimeAsync(2500);
    expect(reads).toEqual([{ fresh: true }, { fresh: true }]);
    fixture.destroy();
    await vi.advanceTimersByTimeAsync(5000);
    expect(reads).toHaveLength(2);
  });
});
