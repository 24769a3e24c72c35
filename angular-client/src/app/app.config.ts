import { inject, provideAppInitializer, provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { provideGraphql } from './core/apollo-setup';
import { ThemePreference } from './features/settings/theme';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(), provideRouter(routes, withComponentInputBinding()), ...provideGraphql(),
    // the theme remembered on this device, before the first page shows (also on the sign-in page)
    provideAppInitializer(() => { inject(ThemePreference); }),
  ],
};
