// Original file: mindflow/command/v1/calendar_event.proto

import type { CalendarEvent as _mindflow_command_v1_CalendarEvent, CalendarEvent__Output as _mindflow_command_v1_CalendarEvent__Output } from '../../../mindflow/command/v1/CalendarEvent.js';

export interface CalendarEventResult {
  'event'?: (_mindflow_command_v1_CalendarEvent | null);
  'consistencyToken'?: (string);
}

export interface CalendarEventResult__Output {
  'event': (_mindflow_command_v1_CalendarEvent__Output | null);
  'consistencyToken': (string);
}
