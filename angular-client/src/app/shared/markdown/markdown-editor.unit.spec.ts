import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EditorView } from '@codemirror/view';
import { giveRangesEmptyRects } from './jsdom-layout';
import { MarkdownEditor } from './markdown-editor';

giveRangesEmptyRects();

@Component({
  imports: [MarkdownEditor],
  template: `<span id="body-label">Entry</span>
    <mf-markdown-editor inputId="body" labelledBy="body-label" [value]="text()" (valueChange)="edits.push($event); text.set($event)"
                        [invalid]="invalid()" [describedBy]="invalid() ? 'body-problem' : null" />`,
})
class Host {
  readonly text = signal('At dawn.');
  readonly invalid = signal(false);
  readonly edits: string[] = [];
}

async function mount() {
  const fixture = TestBed.createComponent(Host);
  document.body.appendChild(fixture.nativeElement);
  await fixture.whenStable();
  const content = (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>('#body')!;
  const view = EditorView.findFromDOM(content)!;
  return { fixture, host: fixture.componentInstance, content, view };
}

describe('MarkdownEditor', () => {
  it('is a labelled, multi-line, direction-following text box showing the value', async () => {
    const { fixture, host, content, view } = await mount();
    expect(view.state.doc.toString()).toBe('At dawn.');
    expect(content.getAttribute('role')).toBe('textbox');
    expect(content.getAttribute('contenteditable')).toBe('true');
    expect(content.getAttribute('aria-labelledby')).toBe('body-label');
    expect(content.getAttribute('aria-multiline')).toBe('true');
    expect(content.getAttribute('dir')).toBe('auto');
    expect(content.hasAttribute('aria-invalid')).toBe(false);
    host.invalid.set(true);
    await fixture.whenStable();
    expect(content.getAttribute('aria-invalid')).toBe('true');
    expect(content.getAttribute('aria-describedby')).toBe('body-problem');
    fixture.destroy();
  });

  it('reports what the user types, and takes a new value from outside without reporting it back', async () => {
    const { fixture, host, view } = await mount();
    view.dispatch({ changes: { from: view.state.doc.length, insert: ' Gulls.' }, userEvent: 'input.type' });
    expect(host.edits).toEqual(['At dawn. Gulls.']);
    host.text.set('Their version.');
    await fixture.whenStable();
    expect(view.state.doc.toString()).toBe('Their version.');
    expect(host.edits).toEqual(['At dawn. Gulls.']);
    fixture.destroy();
  });

  it('gives each line the direction of its own text', async () => {
    const { fixture, host, content } = await mount();
    host.text.set('At dawn.\nשקט בנמל');
    await fixture.whenStable();
    const lines = [...content.querySelectorAll('.cm-line')];
    expect(lines.map((line) => [line.textContent, line.getAttribute('dir')])).toEqual([['At dawn.', 'auto'], ['שקט בנמל', 'auto']]);
    fixture.destroy();
  });

  it('leaves Tab to move the focus: no key binding keeps the keyboard in the box', async () => {
    const { fixture, content } = await mount();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    content.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    fixture.destroy();
  });
});
