import type { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from './core/auth-guard';

export const routes: Routes = [
  {
    path: 'login',
    canMatch: [signedOutGuard],
    data: { mode: 'login' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
    title: 'Sign in · MindFlow',
  },
  {
    path: 'register',
    canMatch: [signedOutGuard],
    data: { mode: 'register' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
    title: 'Create account · MindFlow',
  },
  {
    path: 'forgot-password',
    canMatch: [signedOutGuard],
    loadComponent: () => import('./features/auth/forgot-password-page').then((m) => m.ForgotPasswordPage),
    title: 'Forgot your password · MindFlow',
  },
  {
    // signed in or not: a reset link opened in a tab that is still signed in works too (and signs it out)
    path: 'reset-password',
    loadComponent: () => import('./features/auth/reset-password-page').then((m) => m.ResetPasswordPage),
    title: 'Choose a new password · MindFlow',
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', loadComponent: () => import('./features/dashboard/dashboard-page').then((m) => m.DashboardPage), title: 'Dashboard · MindFlow' },
      { path: 'journals', loadChildren: () => import('./features/journals/journals.routes').then((m) => m.journalRoutes) },
      { path: 'entries', loadChildren: () => import('./features/entries/entries.routes').then((m) => m.entryRoutes) },
      { path: 'thoughts', loadComponent: () => import('./features/thoughts/thoughts-page').then((m) => m.ThoughtsPage), title: 'Thoughts · MindFlow' },
      { path: 'planner', loadComponent: () => import('./features/planner/planner-page').then((m) => m.PlannerPage), title: 'Planner · MindFlow' },
      { path: 'search', loadComponent: () => import('./features/search/search-page').then((m) => m.SearchPage), title: 'Search · MindFlow' },
      { path: 'settings', loadComponent: () => import('./features/settings/settings-page').then((m) => m.SettingsPage), title: 'Settings · MindFlow' },
      { path: 'webhooks', loadComponent: () => import('./features/webhooks/webhooks-page').then((m) => m.WebhooksPage), title: 'Webhooks · MindFlow' },
      { path: 'reflections', loadComponent: () => import('./features/reflections/reflections-page').then((m) => m.ReflectionsPage), title: 'Weekly reflections · MindFlow' },
      { path: 'reflections/:id', loadComponent: () => import('./features/reflections/reflections-page').then((m) => m.ReflectionsPage), title: 'Weekly reflection · MindFlow' },
      // An unknown address, inside the shell (a signed-out visitor is sent to sign in first, and comes back here).
      { path: '**', loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage), title: 'Page not found · MindFlow' },
    ],
  },
];
