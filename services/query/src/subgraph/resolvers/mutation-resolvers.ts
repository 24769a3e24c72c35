import { calendarMutations } from './mutations/calendar-mutations.js';
import { entryMutations } from './mutations/entry-mutations.js';
import { journalMutations } from './mutations/journal-mutations.js';
import { taskMutations } from './mutations/task-mutations.js';
import { thoughtMutations } from './mutations/thought-mutations.js';

/** `type Mutation`, assembled from one small module per aggregate (resolvers/mutations/). */
export const Mutation = {
  ...journalMutations,
  ...entryMutations,
  ...thoughtMutations,
  ...taskMutations,
  ...calendarMutations,
};
