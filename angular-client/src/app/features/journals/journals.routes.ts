import type { Routes } from '@angular/router';

export const journalRoutes: Routes = [
  { path: '', loadComponent: () => import('./journals-page').then((m) => m.JournalsPage), title: 'Journals · MindFlow' },
  { path: ':id', loadComponent: () => import('./journal-page').then((m) => m.JournalPage), title: 'Journal · MindFlow' },
];
