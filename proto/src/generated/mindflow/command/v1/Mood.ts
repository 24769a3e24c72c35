// Original file: mindflow/command/v1/vocabulary.proto


// Original file: mindflow/command/v1/vocabulary.proto

export const _mindflow_command_v1_Mood_Value = {
  MOOD_UNSPECIFIED: 'MOOD_UNSPECIFIED',
  GREAT: 'GREAT',
  GOOD: 'GOOD',
  OKAY: 'OKAY',
  LOW: 'LOW',
  BAD: 'BAD',
  STRESSED: 'STRESSED',
  ANXIOUS: 'ANXIOUS',
  CALM: 'CALM',
  GRATEFUL: 'GRATEFUL',
} as const;

export type _mindflow_command_v1_Mood_Value =
  | 'MOOD_UNSPECIFIED'
  | 0
  | 'GREAT'
  | 1
  | 'GOOD'
  | 2
  | 'OKAY'
  | 3
  | 'LOW'
  | 4
  | 'BAD'
  | 5
  | 'STRESSED'
  | 6
  | 'ANXIOUS'
  | 7
  | 'CALM'
  | 8
  | 'GRATEFUL'
  | 9

export type _mindflow_command_v1_Mood_Value__Output = typeof _mindflow_command_v1_Mood_Value[keyof typeof _mindflow_command_v1_Mood_Value]

export interface Mood {
}

export interface Mood__Output {
}
