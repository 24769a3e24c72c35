import type { ThoughtRecord } from '../../read-model/records.js';
import type { CommandMetadata, Deleted, Written } from './command-port.js';

export interface CaptureThought {
  readonly text: string;
  readonly tags: readonly string[];
}

/** Absent fields stay; `tags`, when given, replaces the whole list. */
export interface UpdateThought {
  readonly text?: string | undefined;
  readonly tags?: readonly string[] | undefined;
}

export interface ThoughtCommands {
  captureThought(command: CaptureThought, metadata: CommandMetadata): Promise<Written<ThoughtRecord>>;
  updateThought(id: string, expectedVersion: number, patch: UpdateThought, metadata: CommandMetadata): Promise<Written<ThoughtRecord>>;
  deleteThought(id: string, metadata: CommandMetadata): Promise<Deleted>;
}
