// Original file: mindflow/command/v1/calendar_event.proto


/**
 * API.md `type CalendarEvent`. Instants are ISO-8601, `recurrence` an RFC 5545 RRULE.
 */
export interface CalendarEvent {
  'id'?: (string);
  'title'?: (string);
  'startsAt'?: (string);
  'endsAt'?: (string);
  'recurrence'?: (string);
  'version'?: (number);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  '_recurrence'?: "recurrence";
}

/**
 * API.md `type CalendarEvent`. Instants are ISO-8601, `recurrence` an RFC 5545 RRULE.
 */
export interface CalendarEvent__Output {
  'id': (string);
  'title': (string);
  'startsAt': (string);
  'endsAt': (string);
  'recurrence'?: (string);
  'version': (number);
  'createdAt': (string);
  'updatedAt': (string);
}
