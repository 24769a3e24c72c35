import type { ResolveFn, Routes } from '@angular/router';
import { unsavedChangesGuard } from './unsaved-changes-guard';

const entryTitle: ResolveFn<string> = (route) => (route.paramMap.get('id') === 'new' ? 'New entry · MindFlow' : 'Entry · MindFlow');

export const entryRoutes: Routes = [
  // One route for a new entry (`new`) and an existing one: once created, a new entry moves to its own address
  // in the same editor (the router reuses it), by a navigation the router knows about — a bare URL change
  // would be undone by the router when a later navigation is cancelled (leaving with unsaved changes).
  {
    path: ':id', loadComponent: () => import('./entry-editor').then((m) => m.EntryEditor), title: entryTitle,
    canDeactivate: [unsavedChangesGuard],
  },
];
