import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Any address the app does not have (the wildcard route): say so, and offer the way home. */
@Component({
  selector: 'mf-not-found-page',
  imports: [RouterLink],
  template: `
    <div class="page">
      <section class="card empty-state">
        <h1>Page not found</h1>
        <p class="muted">There is nothing at this address. The link may be mistyped, or what it pointed to was deleted.</p>
        <a class="button" routerLink="/">Go to your dashboard</a>
      </section>
    </div>`,
  styles: `.empty-state { text-align: center; padding: 2.5rem 1rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
