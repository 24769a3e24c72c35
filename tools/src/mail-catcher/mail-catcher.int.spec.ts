import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from './mail-catcher.js';

describe('the embedded mail catcher', () => {
  let dir: string;
  let catcher: MailCatcher;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mail-catcher-'));
    catcher = await startMailCatcher({ dir, smtpPort: 0, webPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes mail over SMTP, writes it as .eml and lists it on its page and as JSON', async () => {
    const transport = createTransport({ url: catcher.smtpUrl });
    await transport.sendMail({ from: 'app@mindflow.test', to: 'dev@example.com', subject: 'Reminder <1>', text: 'hello', html: '<p>hello</p>' });
    transport.close();

    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(await readFile(join(dir, files[0]!), 'utf8')).toContain('Subject: Reminder <1>');
    const listed = (await (await fetch(`${catcher.webUrl}messages.json`)).json()) as { n: number; to: string[]; subject: string; file: string }[];
    expect(listed).toEqual([expect.objectContaining({ n: 1, to: ['dev@example.com'], subject: 'Reminder <1>', file: files[0] })]);
    const page = await (await fetch(catcher.webUrl)).text();
    expect(page).toContain('Reminder &#60;1&#62;');
    expect(await (await fetch(`${catcher.webUrl}messages/1.html`)).text()).toBe('<p>hello</p>');
  });
});
