// Original file: mindflow/command/v1/calendar_event.proto

import type { ScheduleEventInput as _mindflow_command_v1_ScheduleEventInput, ScheduleEventInput__Output as _mindflow_command_v1_ScheduleEventInput__Output } from '../../../mindflow/command/v1/ScheduleEventInput.js';

export interface ScheduleEventRequest {
  'input'?: (_mindflow_command_v1_ScheduleEventInput | null);
}

export interface ScheduleEventRequest__Output {
  'input': (_mindflow_command_v1_ScheduleEventInput__Output | null);
}
