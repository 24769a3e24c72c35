import { calendarMutations } from './calendar-mutations.js';
import { entryMutations } from './entry-mutations.js';
import { journalMutations } from './journal-mutations.js';
import { taskMutations } from './task-mutations.js';
import { thoughtMutations } from './thought-mutations.js';

/** `type Mutation`, assembled from one small module per aggregate; each sends its commands through the command client (command-client/). */
export const Mutation = {
  ...journalMutations,
  ...entryMutations,
  ...thoughtMutations,
  ...taskMutations,
  ...calendarMutations,
};
