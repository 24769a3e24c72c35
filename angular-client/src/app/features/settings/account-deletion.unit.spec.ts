import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { SessionStore } from '../../core/session-store';
import { DeleteAccountDocument } from '../../graphql/generated';
import { AccountDeletion } from './account-deletion';

class FakeGql {
  refuse: ApiError | null = null;
  readonly mutations: { document: unknown; variables: Record<string, unknown> }[] = [];
  async mutate(document: unknown, variables: Record<string, unknown>) {
    this.mutations.push({ document, variables });
    if (this.refuse) throw this.refuse;
    if (document === DeleteAccountDocument) return { deleteAccount: true };
    throw new Error('unexpected mutation');
  }
}

class FakeSession {
  logouts = 0;
  async logout() {
    this.logouts++;
  }
}

async function open() {
  const gql = new FakeGql();
  const session = new FakeSession();
  TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: Gql, useValue: gql }, { provide: SessionStore, useValue: session }] });
  const fixture = TestBed.createComponent(AccountDeletion);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const type = async (label: string, value: string) => {
    const forId = Array.from(el.querySelectorAll('label')).find((l) => l.textContent!.includes(label))!.htmlFor;
    const input = el.querySelector<HTMLInputElement>(`#${forId}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  };
  const button = () => el.querySelector<HTMLButtonElement>('button[type=submit]');
  const submit = async () => {
    el.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  };
  return { gql, session, el, type, button, submit };
}

describe('deleting the account', () => {
  it('says what will happen and stays disabled until the password is given and DELETE typed', async () => {
    const { el, type, button } = await open();
    expect(el.textContent).toContain('cannot be undone');
    expect(el.textContent).toContain('signs you out on every device');
    expect(button()!.disabled).toBe(true);
    await type('Your password', 'correct horse battery staple');
    expect(button()!.disabled).toBe(true);
    await type('Type DELETE', 'delete');
    expect(button()!.disabled).toBe(true);
    await type('Type DELETE', 'DELETE');
    expect(button()!.disabled).toBe(false);
  });

  it('deletes with the password, says it is done and signs this tab out', async () => {
    const { gql, session, el, type, submit, button } = await open();
    await type('Your password', 'correct horse battery staple');
    await type('Type DELETE', 'DELETE');
    await submit();
    expect(gql.mutations).toEqual([{ document: DeleteAccountDocument, variables: { password: 'correct horse battery staple' } }]);
    expect(el.querySelector('[role=status]')!.textContent).toContain('were deleted');
    expect(button()).toBeNull();
    expect(session.logouts).toBe(1);
  });

  it('shows why a wrong password was refused, and keeps the form', async () => {
    const { gql, session, el, type, submit, button } = await open();
    gql.refuse = { code: 'BAD_USER_INPUT', field: 'password', message: 'the password is not right: type your current password to delete your account' };
    await type('Your password', 'wrong one');
    await type('Type DELETE', 'DELETE');
    await submit();
    expect(el.querySelector('[role=alert]')!.textContent).toContain('the password is not right');
    expect(button()).not.toBeNull();
    expect(session.logouts).toBe(0);
  });
});
