import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { ExportAccountDocument } from '../../graphql/generated';
import { AccountExport } from './account-export';

const file = { fileName: 'mindflow-account-2026-12-07.zip', contentType: 'application/zip', url: 'https://objects.test/users/u1/exports/x.zip?X-Signature=s', expiresAt: '2026-12-07T08:05:00.000Z' };

class FakeGql {
  refuse: ApiError | null = null;
  readonly queries: { document: unknown; variables: unknown; options: unknown }[] = [];
  async query(document: unknown, variables: unknown, options: unknown) {
    this.queries.push({ document, variables, options });
    if (this.refuse) throw this.refuse;
    if (document === ExportAccountDocument) return { exportAccount: file };
    throw new Error('unexpected query');
  }
}

async function open() {
  const gql = new FakeGql();
  TestBed.configureTestingModule({ providers: [{ provide: Gql, useValue: gql }] });
  const fixture = TestBed.createComponent(AccountExport);
  const el = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  const button = () => el.querySelector<HTMLButtonElement>('button')!;
  const click = async () => {
    button().click();
    await fixture.whenStable();
  };
  return { gql, el, button, click };
}

describe('downloading my data', () => {
  it('says what the file holds and asks for nothing until clicked', async () => {
    const { gql, el, button } = await open();
    expect(el.textContent).toContain('everything you keep in MindFlow');
    expect(button().textContent!.trim()).toBe('Download my data');
    expect(gql.queries).toEqual([]);
  });

  it('prepares a fresh export and offers its signed link under its name, saying until when it works', async () => {
    const { gql, el, click } = await open();
    await click();
    expect(gql.queries).toEqual([{ document: ExportAccountDocument, variables: {}, options: { fresh: true } }]);
    const link = el.querySelector<HTMLAnchorElement>('[role=status] a')!;
    expect(link.href).toBe(file.url);
    expect(link.getAttribute('download')).toBe(file.fileName);
    expect(link.textContent).toContain(file.fileName);
    expect(el.querySelector('[role=status]')!.textContent).toContain('the link works until');
  });

  it('asks again on every click (a new file, a new link)', async () => {
    const { gql, click } = await open();
    await click();
    await click();
    expect(gql.queries).toHaveLength(2);
  });

  it('shows why the export failed, and offers no link', async () => {
    const { gql, el, click, button } = await open();
    gql.refuse = { code: 'NETWORK', message: 'The server could not be reached: try again.' };
    await click();
    expect(el.querySelector('[role=alert]')!.textContent).toContain('try again');
    expect(el.querySelector('[role=status]')).toBeNull();
    expect(button().disabled).toBe(false);
  });
});
