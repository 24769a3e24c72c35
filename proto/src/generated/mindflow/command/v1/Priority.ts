// Original file: mindflow/command/v1/vocabulary.proto


// Original file: mindflow/command/v1/vocabulary.proto

export const _mindflow_command_v1_Priority_Value = {
  PRIORITY_UNSPECIFIED: 'PRIORITY_UNSPECIFIED',
  LOW: 'LOW',
  MEDIUM: 'MEDIUM',
  HIGH: 'HIGH',
  URGENT: 'URGENT',
} as const;

export type _mindflow_command_v1_Priority_Value =
  | 'PRIORITY_UNSPECIFIED'
  | 0
  | 'LOW'
  | 1
  | 'MEDIUM'
  | 2
  | 'HIGH'
  | 3
  | 'URGENT'
  | 4

export type _mindflow_command_v1_Priority_Value__Output = typeof _mindflow_command_v1_Priority_Value[keyof typeof _mindflow_command_v1_Priority_Value]

export interface Priority {
}

export interface Priority__Output {
}
