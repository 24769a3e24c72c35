import { TestBed } from '@angular/core/testing';
import { RecordingRefused, VoiceCapture, refusalOf, voiceNoteName, type Recording } from './voice-capture';
import { VoiceRecorder } from './voice-recorder';

async function setUp(start: () => Promise<Recording>) {
  TestBed.configureTestingModule({ providers: [{ provide: VoiceCapture, useValue: { start } }] });
  const fixture = TestBed.createComponent(VoiceRecorder);
  const recorded: File[] = [];
  fixture.componentInstance.recorded.subscribe((file) => recorded.push(file));
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const click = async (name: RegExp) => {
    [...el.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  return { el, recorded, click };
}

describe('VoiceRecorder', () => {
  it('records on Start and hands the voice note over on Stop', async () => {
    const note = new File(['opus'], 'voice-note-2026-12-07-0815.webm', { type: 'audio/webm' });
    const { el, recorded, click } = await setUp(async () => ({ stop: async () => note, cancel: () => undefined }));
    await click(/Record a voice note/);
    expect(el.querySelector('[role=status]')?.textContent).toContain('Recording… 0:00');
    await click(/Stop recording/);
    expect(recorded).toEqual([note]);
    expect(el.textContent).toContain('Record a voice note');
  });

  it('lets the microphone go when the recorder is gone before the browser granted it', async () => {
    let grant!: (recording: Recording) => void;
    let cancelled = 0;
    TestBed.configureTestingModule({ providers: [{ provide: VoiceCapture, useValue: { start: () => new Promise<Recording>((resolve) => (grant = resolve)) } }] });
    const fixture = TestBed.createComponent(VoiceRecorder);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    [...el.querySelectorAll('button')].find((b) => /Record a voice note/.test(b.textContent ?? ''))!.click();
    fixture.destroy(); // the entry closed while the browser's prompt was open
    grant({ stop: async () => new File([], 'x.webm'), cancel: () => void cancelled++ });
    await new Promise((resolve) => setTimeout(resolve));
    expect(cancelled).toBe(1);
  });

  it('says clearly when the browser refuses the microphone, and what to do', async () => {
    const { el, recorded, click } = await setUp(async () => { throw new RecordingRefused('denied'); });
    await click(/Record a voice note/);
    expect(el.querySelector('[role=alert]')?.textContent).toBe(
      'The browser did not allow the microphone. Allow it for this site (the icon at the left of the address bar), then try again.');
    expect(recorded).toEqual([]);
  });
});

describe('VoiceCapture', () => {
  it('tells refusals apart by their DOMException names', () => {
    expect(refusalOf(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(refusalOf(new DOMException('none', 'NotFoundError'))).toBe('no-microphone');
    expect(refusalOf(new DOMException('busy', 'NotReadableError'))).toBe('busy');
    expect(refusalOf(new Error('?'))).toBe('failed');
  });

  it('names a note after when it was recorded', () => {
    expect(voiceNoteName(new Date(2026, 11, 7, 8, 5), 'webm')).toBe('voice-note-2026-12-07-0805.webm');
  });

  it('says the browser cannot record where it has no MediaRecorder (jsdom, old browsers, http pages)', async () => {
    await expect(TestBed.inject(VoiceCapture).start()).rejects.toThrow(/cannot record here/);
  });
});
