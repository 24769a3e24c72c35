import { projectedAggregateTypes, type ReadModel } from '@mindflow/event-log';
import { analyticsView } from './analytics-view.js';
import { calendarEventsView } from './calendar-events-view.js';
import { entriesView } from './entries-view.js';
import { journalsView } from './journals-view.js';
import { readStamps } from './read-stamps.js';
import { redatedDays } from './redated-days.js';
import { tagsView } from './tags-view.js';
import { tasksView } from './tasks-view.js';
import { thoughtsView } from './thoughts-view.js';

/** The name the projector keeps its versions under in `projection_versions` (read-your-writes waits on it). */
export const queryProjection = 'query';

/** Every read model of the query projection, in the order their handlers run: what it keeps, and what a rebuild rebuilds. */
export const queryReadModels: readonly ReadModel[] = [
  journalsView, entriesView, thoughtsView, tasksView, calendarEventsView,
  tagsView, // after journals_view, entries_view and thoughts_view: it counts the tags of what they hold after the event
  // Last: it recomputes days from what journals_view and entries_view hold after the event.
  analyticsView,
  redatedDays, // after analytics: the day a redated entry left
  readStamps,
];

/** The aggregate types the query projection follows: a consistency token of another type is not waited for. */
export const queryProjectedTypes = projectedAggregateTypes(queryReadModels);
