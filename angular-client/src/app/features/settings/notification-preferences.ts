import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { Gql } from '../../core/gql';
import { apiError, type ApiError } from '../../core/graphql-errors';
import {
  NotificationPreferencesDocument, SetNotificationPreferencesDocument, type NotificationChannel, type NotificationKind,
} from '../../graphql/generated';
import { ErrorMessage } from '../../shared/error-message';
import {
  deviceTimeZone, draftOfPreferences, knownTimeZones, notificationChannels, notificationKinds, preferencesInput,
  preferencesProblems, weekdays, withChannel, type PreferencesDraft,
} from './notification-preferences-draft';

/**
 * Notification preferences (issue 14), a section of the settings page: the time zone (this device's, detected
 * with Intl, when the server still has its default), the daily prompt, the weekly reflection's day, quiet hours
 * and, per kind, the channels (in the app always; email; webhooks).
 */
@Component({
  selector: 'mf-notification-preferences',
  imports: [FormsModule, RouterLink, ErrorMessage],
  template: `
    <section class="card" aria-labelledby="notification-prefs-title">
      <h2 id="notification-prefs-title">Notifications</h2>
      @if (draft(); as d) {
        <form (submit)="save($event)" novalidate>
          <div class="field">
            <label for="prefs-zone">Time zone</label>
            <input id="prefs-zone" name="timeZone" list="prefs-zones" autocomplete="off" [ngModel]="d.timeZone" (ngModelChange)="update({ timeZone: $event })"
                   [attr.aria-invalid]="problems().timeZone ? true : null" aria-describedby="prefs-zone-hint" />
            <datalist id="prefs-zones">@for (z of zones; track z) { <option [value]="z"></option> }</datalist>
            <p id="prefs-zone-hint" class="muted small">
              @if (problems().timeZone; as p) { <span class="field-problem">{{ p }}</span> }
              @else if (detected()) { Detected from this device — save to use it. }
              @else { Reminders and prompts follow this zone. }
            </p>
            @if (d.timeZone !== device) {
              <button type="button" class="link" (click)="update({ timeZone: device })">Use this device's ({{ device }})</button>
            }
          </div>

          <fieldset>
            <legend>Daily journal prompt</legend>
            <label class="choice"><input type="checkbox" name="promptOn" [ngModel]="d.promptOn" (ngModelChange)="update({ promptOn: $event })" /> Remind me to write every day</label>
            @if (d.promptOn) {
              <div class="field inline">
                <label for="prefs-prompt-at">At</label>
                <input id="prefs-prompt-at" name="journalPromptAt" type="time" [ngModel]="d.journalPromptAt" (ngModelChange)="update({ journalPromptAt: $event })"
                       [attr.aria-invalid]="problems().journalPromptAt ? true : null" [attr.aria-describedby]="problems().journalPromptAt ? 'prefs-prompt-problem' : null" />
                @if (problems().journalPromptAt; as p) { <p id="prefs-prompt-problem" class="field-problem">{{ p }}</p> }
              </div>
            }
          </fieldset>

          <div class="field">
            <label for="prefs-weekly">Weekly reflection</label>
            <select id="prefs-weekly" name="weeklyReflectionOn" [ngModel]="d.weeklyReflectionOn" (ngModelChange)="update({ weeklyReflectionOn: +$event })">
              <option [ngValue]="0">None</option>
              @for (day of weekdays; track day; let i = $index) { <option [ngValue]="i + 1">Every {{ day }} evening</option> }
            </select>
            <p class="muted small"><a routerLink="/reflections">Your weekly reflections</a></p>
          </div>

          <fieldset>
            <legend>Quiet hours</legend>
            <label class="choice"><input type="checkbox" name="quietOn" [ngModel]="d.quietOn" (ngModelChange)="update({ quietOn: $event })" /> Only in the app during quiet hours</label>
            @if (d.quietOn) {
              <div class="row wrap">
                <div class="field inline"><label for="prefs-quiet-start">From</label>
                  <input id="prefs-quiet-start" name="quietStart" type="time" [ngModel]="d.quietStart" (ngModelChange)="update({ quietStart: $event })"
                         [attr.aria-invalid]="problems().quietHours ? true : null" [attr.aria-describedby]="problems().quietHours ? 'prefs-quiet-problem' : null" /></div>
                <div class="field inline"><label for="prefs-quiet-end">To</label>
                  <input id="prefs-quiet-end" name="quietEnd" type="time" [ngModel]="d.quietEnd" (ngModelChange)="update({ quietEnd: $event })"
                         [attr.aria-invalid]="problems().quietHours ? true : null" [attr.aria-describedby]="problems().quietHours ? 'prefs-quiet-problem' : null" /></div>
              </div>
              @if (problems().quietHours; as p) { <p id="prefs-quiet-problem" class="field-problem">{{ p }}</p> }
            }
          </fieldset>

          <fieldset>
            <legend>Where each kind is sent</legend>
            @for (k of kinds; track k.kind) {
              <fieldset class="kind">
                <legend>{{ k.label }}</legend>
                @for (c of channels; track c.channel) {
                  <label class="choice">
                    <input type="checkbox" [name]="k.kind + '-' + c.channel" [checked]="c.channel === 'IN_APP' || d.channels[k.kind].includes(c.channel)"
                           [disabled]="c.channel === 'IN_APP'" (change)="setChannel(k.kind, c.channel, $any($event.target).checked)" />
                    {{ c.label }}
                  </label>
                }
              </fieldset>
            }
            <p class="muted small">In the app is always on. Webhooks are set up on the <a routerLink="/webhooks">webhooks page</a>.</p>
          </fieldset>

          <mf-error-message [error]="saveError()" />
          <div class="row">
            <button type="submit" [disabled]="!canSave()">{{ saving() ? 'Saving…' : 'Save notification settings' }}</button>
            @if (savedNote()) { <span class="muted" role="status">Saved.</span> }
          </div>
        </form>
      } @else if (!loadError()) {
        <p class="muted" role="status">Loading…</p>
      }
      <mf-error-message [error]="loadError()" />
    </section>`,
  styles: `
    fieldset { border: 0; padding: 0; margin: .75rem 0; min-width: 0; } legend { font-weight: 600; margin-bottom: .25rem; }
    fieldset.kind { display: flex; flex-wrap: wrap; gap: 0 1rem; margin: .3rem 0; }
    fieldset.kind legend { font-weight: 400; width: 100%; }
    .choice { display: flex; gap: .5rem; align-items: baseline; font-weight: 400; margin: .3rem 0; }
    .field.inline { display: flex; gap: .5rem; align-items: baseline; }
    .row.wrap { flex-wrap: wrap; gap: .5rem 1rem; }
    .small { font-size: .85rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferencesSettings {
  private readonly gql = inject(Gql);
  protected readonly kinds = notificationKinds;
  protected readonly channels = notificationChannels;
  protected readonly weekdays = weekdays;
  protected readonly zones = knownTimeZones();
  protected readonly device = deviceTimeZone();

  protected readonly draft = signal<PreferencesDraft | null>(null);
  protected readonly detected = signal(false);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly savedNote = signal(false);
  protected readonly problems = computed(() => { const d = this.draft(); return d ? preferencesProblems(d) : {}; });
  protected readonly canSave = computed(() => !!this.draft() && Object.keys(this.problems()).length === 0 && !this.saving());

  constructor() {
    void this.load();
  }

  protected update(patch: Partial<PreferencesDraft>): void {
    this.draft.update((d) => (d ? { ...d, ...patch } : d));
    this.savedNote.set(false);
  }

  protected setChannel(kind: NotificationKind, channel: NotificationChannel, on: boolean): void {
    this.draft.update((d) => (d ? withChannel(d, kind, channel, on) : d));
    this.savedNote.set(false);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft();
    if (!draft || !this.canSave()) return;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const { setNotificationPreferences } = await this.gql.mutate(SetNotificationPreferencesDocument, { input: preferencesInput(draft) });
      const next = draftOfPreferences(setNotificationPreferences, this.device);
      this.draft.set({ ...next.draft, timeZone: setNotificationPreferences.timeZone });
      this.detected.set(false);
      this.savedNote.set(true);
    } catch (e) {
      this.saveError.set(apiError(e));
    } finally {
      this.saving.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const { notificationPreferences } = await this.gql.query(NotificationPreferencesDocument, {}, { fresh: true });
      const { draft, detected } = draftOfPreferences(notificationPreferences, this.device);
      this.draft.set(draft);
      this.detected.set(detected);
    } catch (e) {
      this.loadError.set(apiError(e));
    }
  }
}
