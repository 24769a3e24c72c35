import { z } from 'zod';

// The closed vocabularies of the public API (API.md `enum Mood`, `enum Priority`). Events carry exactly the
// GraphQL enum values so no layer translates between spellings.

export const Mood = z.enum(['GREAT', 'GOOD', 'OKAY', 'LOW', 'BAD', 'STRESSED', 'ANXIOUS', 'CALM', 'GRATEFUL']);
export type Mood = z.infer<typeof Mood>;

export const Priority = z.enum(['LOW', 'MEDIUM', 'HIGH', 'URGENT']);
export type Priority = z.infer<typeof Priority>;
