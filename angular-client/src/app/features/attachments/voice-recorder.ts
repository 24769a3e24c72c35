import { ChangeDetectionStrategy, Component, type OnDestroy, inject, input, output, signal } from '@angular/core';
import { RecordingRefused, VoiceCapture, type Recording } from './voice-capture';

/** Record a voice note: Start asks for the microphone, Stop hands the recording over (to be attached). */
@Component({
  selector: 'mf-voice-recorder',
  template: `
    <div class="row recorder">
      @if (state() === 'recording') {
        <button type="button" (click)="stop()">■ Stop recording</button>
        <span class="live" role="status"><span class="dot" aria-hidden="true"></span> Recording… {{ clock() }}</span>
      } @else {
        <button type="button" class="secondary" (click)="start()" [disabled]="disabled() || state() !== 'idle'">
          {{ state() === 'asking' ? 'Asking for the microphone…' : state() === 'stopping' ? 'Finishing…' : '🎙 Record a voice note' }}
        </button>
      }
    </div>
    @if (problem(); as p) { <p class="alert" role="alert">{{ p }}</p> }`,
  styles: `.live { display: inline-flex; align-items: center; gap: .4rem; } .recorder { align-items: center; }
           .dot { width: .6rem; height: .6rem; border-radius: 50%; background: #c62828; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VoiceRecorder implements OnDestroy {
  private readonly capture = inject(VoiceCapture);
  readonly disabled = input(false);
  readonly recorded = output<File>();
  protected readonly state = signal<'idle' | 'asking' | 'recording' | 'stopping'>('idle');
  protected readonly problem = signal<string | null>(null);
  private readonly seconds = signal(0);
  protected readonly clock = () => `${Math.floor(this.seconds() / 60)}:${String(this.seconds() % 60).padStart(2, '0')}`;
  private recording: Recording | null = null;
  private ticking: ReturnType<typeof setInterval> | undefined;
  /** Gone while the browser still asked for the microphone: what it grants afterwards is let go at once. */
  private destroyed = false;

  protected async start(): Promise<void> {
    this.problem.set(null);
    this.state.set('asking');
    try {
      const recording = await this.capture.start();
      if (this.destroyed) {
        recording.cancel();
        return;
      }
      this.recording = recording;
      this.seconds.set(0);
      this.ticking = setInterval(() => this.seconds.update((s) => s + 1), 1000);
      this.state.set('recording');
    } catch (e) {
      this.problem.set(e instanceof RecordingRefused ? e.message : new RecordingRefused('failed').message);
      this.state.set('idle');
    }
  }

  protected async stop(): Promise<void> {
    const recording = this.recording;
    if (!recording) return;
    clearInterval(this.ticking);
    this.state.set('stopping');
    try {
      this.recorded.emit(await recording.stop());
    } catch (e) {
      this.problem.set(e instanceof RecordingRefused ? e.message : new RecordingRefused('failed').message);
    } finally {
      this.recording = null;
      this.state.set('idle');
    }
  }

  ngOnDestroy(): void {
    this.destroyed = true;
    clearInterval(this.ticking);
    this.recording?.cancel();
  }
}
