// Original file: mindflow/command/v1/calendar_event.proto


/**
 * API.md `ScheduleEventInput`. `ends_at` must not be before `starts_at` (INVALID_ARGUMENT, field "endsAt").
 */
export interface ScheduleEventInput {
  'title'?: (string);
  'startsAt'?: (string);
  'endsAt'?: (string);
  'recurrence'?: (string);
  '_recurrence'?: "recurrence";
}

/**
 * API.md `ScheduleEventInput`. `ends_at` must not be before `starts_at` (INVALID_ARGUMENT, field "endsAt").
 */
export interface ScheduleEventInput__Output {
  'title': (string);
  'startsAt': (string);
  'endsAt': (string);
  'recurrence'?: (string);
}
