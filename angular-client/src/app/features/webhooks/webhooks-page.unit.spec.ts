import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { CreateWebhookDocument, DeleteWebhookDocument, WebhooksDocument, type WebhookFieldsFragment } from '../../graphql/generated';
import { WebhooksPage, webhookUrlProblem } from './webhooks-page';

const failing: WebhookFieldsFragment = {
  id: 'w1', url: 'https://hooks.example.com/a', kinds: ['TASK_DUE', 'JOURNAL_PROMPT'], createdAt: '2026-12-01T08:00:00Z',
  disabledAt: '2026-12-02T09:00:00Z',
  deliveries: [
    { id: 'd2', notificationId: 'n1', attempt: 2, at: '2026-12-02T09:00:00Z', status: 500, ok: false, error: 'HTTP 500' },
    { id: 'd1', notificationId: 'n1', attempt: 1, at: '2026-12-02T08:59:00Z', status: null, ok: false, error: 'timeout' },
  ],
};

class FakeGql {
  hooks: WebhookFieldsFragment[] = [failing];
  refuse: ApiError | null = null;
  readonly mutations: { document: unknown; variables: Record<string, unknown> }[] = [];
  async query(document: unknown) {
    if (document === WebhooksDocument) return { webhooks: this.hooks };
    throw new Error('unexpected query');
  }
  async mutate(document: unknown, variables: Record<string, unknown>) {
    this.mutations.push({ document, variables });
    if (this.refuse) throw this.refuse;
    if (document === CreateWebhookDocument) {
      const webhook = { id: 'w2', url: variables['url'] as string, kinds: variables['kinds'] as WebhookFieldsFragment['kinds'], createdAt: new Date().toISOString(), disabledAt: null, deliveries: [] };
      return { createWebhook: { webhook, secret: 'whsec_c2VjcmV0LXNpZ25pbmcta2V5' } };
    }
    if (document === DeleteWebhookDocument) return { deleteWebhook: { id: variables['id'] } };
    throw new Error('unexpected mutation');
  }
}

async function open() {
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(WebhooksPage);
  const el = fixture.nativeElement as HTMLElement;
  const stable = async () => { await fixture.whenStable(); fixture.detectChanges(); await fixture.whenStable(); };
  await stable();
  const button = (text: string) => Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent!.trim() === text)!;
  const type = async (input: HTMLInputElement, value: string) => { input.value = value; input.dispatchEvent(new Event('input')); await stable(); };
  const url = () => el.querySelector<HTMLInputElement>('#webhook-url')!;
  return { gql, el, stable, button, type, url };
}

describe('the webhooks page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists a webhook disabled after failing, with its delivery log', async () => {
    const { el } = await open();
    const hook = el.querySelector('li.hook')!;
    expect(hook.querySelector('h3')!.textContent).toContain('https://hooks.example.com/a');
    expect(hook.querySelector('.badge')!.textContent).toBe('Disabled');
    expect(hook.textContent).toContain('after failing repeatedly');
    expect(hook.textContent).toContain('Sends: Task reminders, Daily journal prompt.');
    expect(hook.querySelector('summary')!.textContent).toBe('Delivery log (2)');
    const rows = Array.from(hook.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).slice(1).map((td) => td.textContent!.trim()));
    expect(rows).toEqual([['2', '500', 'Failed: HTTP 500'], ['1', 'none', 'Failed: timeout']]);
    expect(hook.querySelectorAll('th[scope=col]')).toHaveLength(4);
  });

  it('creates one for a URL and kinds, and shows its secret once with a copy button', async () => {
    const { el, gql, button, type, url, stable } = await open();
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    expect(el.querySelector('label[for=webhook-url]')!.textContent).toBe('URL');
    await type(url(), 'ftp://example.com');
    expect(url().getAttribute('aria-invalid')).toBe('true');
    expect(button('Create webhook').disabled).toBe(true);
    await type(url(), 'https://example.com/in');
    el.querySelector<HTMLInputElement>('input[name=kind-WEEKLY_REFLECTION]')!.click();
    await stable();
    button('Create webhook').click();
    await stable();
    expect(gql.mutations[0]!.variables).toEqual({ url: 'https://example.com/in', kinds: ['TASK_DUE', 'WEEKLY_REFLECTION'] });

    const secret = el.querySelector('section.secret')!;
    expect(secret.textContent).toContain('you will not see it again');
    expect(secret.querySelector('code')!.textContent).toBe('whsec_c2VjcmV0LXNpZ25pbmcta2V5');
    expect(document.activeElement).toBe(secret.querySelector('h2'));
    button('Copy the secret').click();
    await stable();
    expect(writes).toEqual(['whsec_c2VjcmV0LXNpZ25pbmcta2V5']);
    expect(secret.querySelector('[role=status]')!.textContent).toContain('Copied.');
    expect(el.querySelectorAll('li.hook')).toHaveLength(2);
    expect(url().value).toBe('');

    button('Done, I have saved it').click();
    await stable();
    expect(el.querySelector('section.secret')).toBeNull();
    expect(el.textContent).not.toContain('whsec_');
  });

  it('points at the URL the server refused', async () => {
    const { el, gql, button, type, url, stable } = await open();
    gql.refuse = { code: 'BAD_USER_INPUT', field: 'url', message: 'Webhook URLs must be public https:// addresses.' };
    await type(url(), 'http://10.0.0.1/in');
    button('Create webhook').click();
    await stable();
    expect(url().getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('#webhook-url-problem')!.textContent).toContain('must be public');
    expect(el.querySelector('section.secret')).toBeNull();
  });

  it('deletes only after a confirmation naming the URL', async () => {
    const { el, gql, stable } = await open();
    el.querySelector<HTMLButtonElement>('button[aria-label="Delete the webhook https://hooks.example.com/a"]')!.click();
    await stable();
    const dialog = el.querySelector('[role=alertdialog]')!;
    expect(dialog.querySelector('bdi')!.textContent).toBe('https://hooks.example.com/a');
    Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Cancel')!.click();
    await stable();
    expect(gql.mutations).toHaveLength(0);
    expect(el.querySelectorAll('li.hook')).toHaveLength(1);

    el.querySelector<HTMLButtonElement>('button[aria-label="Delete the webhook https://hooks.example.com/a"]')!.click();
    await stable();
    Array.from(el.querySelectorAll('[role=alertdialog] button')).find((b) => b.textContent === 'Delete')!.dispatchEvent(new MouseEvent('click'));
    await stable();
    expect(gql.mutations[0]!.variables).toEqual({ id: 'w1' });
    expect(el.querySelectorAll('li.hook')).toHaveLength(0);
    expect(el.textContent).toContain('No webhooks yet.');
  });

  it('checks a URL before sending', () => {
    expect(webhookUrlProblem('')).toBeNull();
    expect(webhookUrlProblem('https://a.example/x')).toBeNull();
    expect(webhookUrlProblem('http://localhost:9000/x')).toBeNull();
    expect(webhookUrlProblem('not a url')).toContain('not a URL');
    expect(webhookUrlProblem('ftp://a.example')).toContain('https://');
  });
});
