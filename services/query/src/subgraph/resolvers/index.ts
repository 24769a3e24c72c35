import type { Resolvers } from '../generated/resolvers-types.js';
import { CalendarEvent } from './calendar-event-resolvers.js';
import { Dashboard } from './dashboard-resolvers.js';
import { Entry } from './entry-resolvers.js';
import { Journal } from './journal-resolvers.js';
import { Mutation } from '../mutations/mutation-resolvers.js';
import { Query } from './query-resolvers.js';
import { CalendarDate, DateTime } from '@mindflow/subgraph';
import { Task } from './task-resolvers.js';
import { Thought } from './thought-resolvers.js';
import { User } from './user-resolvers.js';

export const resolvers: Resolvers = {
  DateTime,
  Date: CalendarDate,
  Query,
  Mutation,
  Journal,
  Entry,
  Thought,
  Task,
  CalendarEvent,
  User,
  Dashboard,
};
