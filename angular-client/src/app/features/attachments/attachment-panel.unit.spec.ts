import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import { RemoveAttachmentDocument, type AttachmentFieldsFragment } from '../../graphql/generated';
import { AttachmentPanel } from './attachment-panel';
import { UploadRefused, Uploads, type UploadTarget } from './uploads';
import { VoiceCapture } from './voice-capture';

const photo: AttachmentFieldsFragment = {
  id: 'a1', fileName: 'tide.png', contentType: 'image/png', size: 14_200, createdAt: '2026-12-07T08:00:00Z',
  url: 'https://files.example/tide.png?sig', thumbnailUrl: 'https://files.example/tide-thumb.webp?sig', width: 96, height: 64, durationSeconds: null,
};
const memo: AttachmentFieldsFragment = {
  id: 'a2', fileName: 'voice-note.webm', contentType: 'audio/webm', size: 48_000, createdAt: '2026-12-07T08:01:00Z',
  url: 'https://files.example/memo.webm?sig', thumbnailUrl: null, width: null, height: null, durationSeconds: 75,
};

@Component({
  imports: [AttachmentPanel],
  template: `<mf-attachment-panel #panel [target]="target()" [attachments]="attachments()" waitingReason="Write a few words first." (changed)="changes = changes + 1" />`,
})
class Host {
  readonly target = signal<UploadTarget | null>({ entryId: 'e1' });
  readonly attachments = signal<readonly AttachmentFieldsFragment[]>([photo, memo]);
  changes = 0;
}

/** Uploads that wait until told: each call is held until `finish` (or `refuse`) answers it. */
class HeldUploads {
  readonly calls: { file: File; to: UploadTarget; progress: (sent: number) => void; done: () => void; fail: (e: unknown) => void }[] = [];
  attach(file: File, to: UploadTarget, progress: (sent: number) => void) {
    return new Promise((resolve, reject) => this.calls.push({ file, to, progress, done: () => resolve(photo), fail: reject }));
  }
}

async function setUp() {
  const uploads = new HeldUploads();
  const removed: unknown[] = [];
  const gql = { mutate: async (document: unknown, variables: unknown) => {
    if (document !== RemoveAttachmentDocument) throw new Error('unexpected mutation');
    removed.push(variables);
    return { removeAttachment: { id: 'a1', consistencyToken: 'c' } };
  } };
  TestBed.configureTestingModule({ providers: [{ provide: Uploads, useValue: uploads }, { provide: Gql, useValue: gql }, { provide: VoiceCapture, useValue: {} }] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const panel = fixture.debugElement.children[0]!.componentInstance as AttachmentPanel;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, panel, uploads, removed, settle };
}

const pasteOf = (files: File[], text = '') => {
  const event = new Event('paste', { cancelable: true }) as ClipboardEvent;
  Object.defineProperty(event, 'clipboardData', { value: { files, getData: () => text } });
  return event;
};

describe('AttachmentPanel', () => {
  it('shows images as thumbnails that open full size over the page, and audio as a player', async () => {
    const { el, settle } = await setUp();
    const open = el.querySelector<HTMLButtonElement>('button[aria-label="Open tide.png full size"]')!;
    expect(open.querySelector('img')!.getAttribute('src')).toBe(photo.thumbnailUrl);
    const audio = el.querySelector('audio')!;
    expect(audio.getAttribute('src')).toBe(memo.url);
    expect(audio.getAttribute('aria-label')).toBe('voice-note.webm');
    expect(el.textContent).toContain('48 KB · 1:15');

    open.click();
    await settle();
    const viewer = el.querySelector('[role=dialog]')!;
    expect(viewer.getAttribute('aria-modal')).toBe('true');
    expect(viewer.querySelector('img')!.getAttribute('src')).toBe(photo.url);
    expect(viewer.querySelector('img')!.getAttribute('alt')).toBe('tide.png');
    expect(document.activeElement?.textContent).toBe('Close');
    viewer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle();
    expect(el.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('attaches a pasted image with its progress, and leaves a paste of text to the editor', async () => {
    const { el, panel, uploads, settle, fixture } = await setUp();
    const text = pasteOf([], 'just words');
    panel.pasted(text);
    expect(text.defaultPrevented).toBe(false);
    expect(uploads.calls).toEqual([]);

    const image = pasteOf([new File(['0123456789'], 'image.png', { type: 'image/png' })]);
    panel.pasted(image);
    expect(image.defaultPrevented).toBe(true);
    await settle();
    expect(uploads.calls[0]!.to).toEqual({ entryId: 'e1' });
    expect(uploads.calls[0]!.file.name).toMatch(/^pasted-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.png$/);
    uploads.calls[0]!.progress(4);
    await settle();
    const progress = el.querySelector('progress')!;
    expect(progress.value).toBe(4);
    expect(progress.max).toBe(10);
    expect(el.querySelector(`label[for="${progress.id}"]`)?.textContent).toContain('pasted-');
    expect(el.querySelector('.uploads')?.textContent).toContain('40%');
    uploads.calls[0]!.done();
    await settle();
    expect(el.querySelector('progress')).toBeNull();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('keeps files dropped before the entry exists, and sends them once it does', async () => {
    const { fixture, panel, uploads, el, settle } = await setUp();
    fixture.componentInstance.target.set(null);
    await settle();
    panel.addFiles([new File(['x'], 'early.png', { type: 'image/png' })]);
    await settle();
    expect(uploads.calls).toEqual([]);
    expect(el.textContent).toContain('Waiting for the entry to be saved');
    expect(el.querySelector('[role=status]')?.textContent).toBe('Write a few words first.');
    fixture.componentInstance.target.set({ entryId: 'e7' });
    await settle();
    expect(uploads.calls.map((c) => [c.file.name, c.to])).toEqual([['early.png', { entryId: 'e7' }]]);
  });

  it('says why a file was refused, names it, and goes on with the others', async () => {
    const { panel, uploads, el, settle } = await setUp();
    panel.addFiles([new File(['x'], 'huge.png', { type: 'image/png' }), new File(['y'], 'fine.png', { type: 'image/png' })]);
    await settle();
    uploads.calls[0]!.fail(new UploadRefused('huge.png', { code: 'PAYLOAD_TOO_LARGE', message: 'the file is larger than the 20971520 bytes allowed' }));
    uploads.calls[1]!.done();
    await settle();
    const alert = el.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('“huge.png” is too large to attach (the file is larger than the 20971520 bytes allowed).');
    expect(alert.textContent).not.toContain('fine.png');
    [...alert.querySelectorAll('button')].find((b) => b.textContent === 'Dismiss')!.click();
    await settle();
    expect(el.querySelector('[role=alert]')).toBeNull();
  });

  it('removes an attachment once confirmed', async () => {
    const { el, removed, settle, fixture } = await setUp();
    el.querySelector<HTMLButtonElement>('button[aria-label="Remove tide.png"]')!.click();
    await settle();
    const dialog = el.querySelector('[role=alertdialog]')!;
    expect(dialog.textContent).toContain('“tide.png” will be removed from here and deleted.');
    expect(dialog.querySelector('bdi')?.textContent).toBe('tide.png');
    [...dialog.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove')!.click();
    await settle();
    expect(removed).toEqual([{ id: 'a1' }]);
    expect(fixture.componentInstance.changes).toBe(1);
  });
});

describe('AttachmentGallery players', () => {
  it('keep the URL they loaded when the list is read again, and take the newest once theirs fails', async () => {
    const { fixture, el, settle } = await setUp();
    const audio = () => el.querySelector('audio')!;
    Object.defineProperty(audio(), 'currentSrc', { configurable: true, get: () => memo.url });
    audio().dispatchEvent(new Event('loadedmetadata'));
    fixture.componentInstance.attachments.set([photo, { ...memo, url: 'https://files.example/memo.webm?renewed' }]);
    await settle();
    expect(audio().getAttribute('src')).toBe(memo.url);
    expect(el.querySelector('.thumb img')!.getAttribute('src')).toBe(photo.thumbnailUrl);
    audio().dispatchEvent(new Event('error'));
    await settle();
    expect(audio().getAttribute('src')).toBe('https://files.example/memo.webm?renewed');
  });
});
