import type { Routes } from '@angular/router';

export const entryRoutes: Routes = [
  { path: 'new', loadComponent: () => import('./entry-editor').then((m) => m.EntryEditor), title: 'New entry · MindFlow' },
  { path: ':id', loadComponent: () => import('./entry-editor').then((m) => m.EntryEditor), title: 'Entry · MindFlow' },
];
