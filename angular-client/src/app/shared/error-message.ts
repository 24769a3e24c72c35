import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { describeError, isFeatureUnavailable, type ApiError } from '../core/graphql-errors';

/** An error as a person reads it; a feature the server does not offer yet is a notice, not an alarm. */
@Component({
  selector: 'mf-error-message',
  template: `
    @if (error(); as e) {
      <p [class]="unavailable() ? 'notice' : 'alert'" role="alert">{{ text() }}</p>
    }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorMessage {
  readonly error = input<ApiError | undefined | null>();
  protected readonly unavailable = computed(() => { const e = this.error(); return !!e && isFeatureUnavailable(e); });
  protected readonly text = computed(() => { const e = this.error(); return e ? describeError(e) : ''; });
}
