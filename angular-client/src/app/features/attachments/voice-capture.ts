import { Injectable } from '@angular/core';

/** A recording in progress: stopping it answers the voice note (a WebM or Ogg file). */
export interface Recording {
  stop(): Promise<File>;
  /** Stops without keeping anything (the page is left). */
  cancel(): void;
}

/** Why the browser did not record: each says what the person can do. */
export class RecordingRefused extends Error {
  constructor(readonly reason: 'denied' | 'no-microphone' | 'busy' | 'unsupported' | 'failed') {
    super(refusalMessages[reason]);
    this.name = 'RecordingRefused';
  }
}

const refusalMessages: Record<RecordingRefused['reason'], string> = {
  denied: 'The browser did not allow the microphone. Allow it for this site (the icon at the left of the address bar), then try again.',
  'no-microphone': 'No microphone was found. Connect one, then try again.',
  busy: 'The microphone is in use by another application, or the system refused it.',
  unsupported: 'This browser cannot record here: voice notes need a recent browser and a secure (https) page. You can still attach an audio file.',
  failed: 'The recording failed. Please try again.',
};

/** The containers the server accepts, in the order browsers record best (Chromium and Firefox: WebM/Opus; Safari: MP4). */
const recordable = [
  { mimeType: 'audio/webm;codecs=opus', type: 'audio/webm', extension: 'webm' },
  { mimeType: 'audio/webm', type: 'audio/webm', extension: 'webm' },
  { mimeType: 'audio/ogg;codecs=opus', type: 'audio/ogg', extension: 'ogg' },
  { mimeType: 'audio/mp4', type: 'audio/mp4', extension: 'm4a' },
] as const;

/** Voice notes with the browser's microphone (getUserMedia + MediaRecorder). */
@Injectable({ providedIn: 'root' })
export class VoiceCapture {
  /** Asks for the microphone and starts recording; refusals are RecordingRefused. */
  async start(now: () => Date = () => new Date()): Promise<Recording> {
    const format = typeof MediaRecorder === 'undefined' ? undefined : recordable.find((f) => MediaRecorder.isTypeSupported(f.mimeType));
    if (!navigator.mediaDevices?.getUserMedia || !format) throw new RecordingRefused('unsupported');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (e) {
      throw new RecordingRefused(refusalOf(e));
    }
    const release = () => stream.getTracks().forEach((track) => track.stop());
    const recorder = new MediaRecorder(stream, { mimeType: format.mimeType });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => { if (event.data.size > 0) chunks.push(event.data); };
    const started = now();
    recorder.start(1000);
    return {
      stop: () => new Promise<File>((resolve, reject) => {
        recorder.onstop = () => {
          release();
          const bytes = chunks.reduce((sum, c) => sum + c.size, 0);
          if (bytes === 0) reject(new RecordingRefused('failed'));
          else resolve(new File(chunks, voiceNoteName(started, format.extension), { type: format.type }));
        };
        recorder.onerror = () => {
          release();
          reject(new RecordingRefused('failed'));
        };
        recorder.stop();
      }),
      cancel: () => {
        recorder.onstop = null;
        if (recorder.state !== 'inactive') recorder.stop();
        release();
      },
    };
  }
}

/** getUserMedia's DOMException names (Media Capture and Streams) as reasons. */
export function refusalOf(error: unknown): RecordingRefused['reason'] {
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? (error as { name?: string }).name : undefined;
  switch (name) {
    case 'NotAllowedError': case 'SecurityError': return 'denied';
    case 'NotFoundError': case 'OverconstrainedError': return 'no-microphone';
    case 'NotReadableError': case 'AbortError': return 'busy';
    case 'TypeError': return 'unsupported';
    default: return 'failed';
  }
}

/** e.g. voice-note-2026-12-07-0815.webm (the writer's local time). */
export function voiceNoteName(at: Date, extension: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `voice-note-${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}.${extension}`;
}
