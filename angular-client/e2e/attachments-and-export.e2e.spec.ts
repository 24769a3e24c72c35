// Attachments and export (issue 15), in Debian's Chromium against the whole system in embedded mode, where the
// media subgraph serves the disk object store's signed URLs (the browser sends the bytes there itself): a photo
// (a real PNG made here) attached to an entry shows as a thumbnail in its gallery and opens full size; a file
// whose bytes are not an accepted type is refused with a sentence saying so, the entry's text untouched; the
// microphone refused by the browser is said so; a thought gets a file too; the journal exported as PDF downloads
// a file that starts with %PDF. axe on the editor with its gallery and on the export menu.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.js';
import { appUnderTest, register, type AppUnderTest } from './app-under-test.js';

/** A 96×64 PNG: two coloured halves (a real image for the server to read, strip and thumbnail). */
async function photo(): Promise<Buffer> {
  const half = { width: 48, height: 64, channels: 3 as const };
  return sharp({ create: { ...half, width: 96, background: { r: 30, g: 110, b: 160 } } })
    .composite([{ input: { create: { ...half, background: { r: 240, g: 200, b: 80 } } }, left: 48, top: 0 }])
    .png()
    .toBuffer();
}

describe('attachments and export in the browser (embedded mode)', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await appUnderTest('attachments');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('attaches a photo to an entry (thumbnail in the gallery), refuses a disguised file, and exports the journal as PDF', async () => {
    const { page } = await app.newPage({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
    await register(page, app.appUrl, { name: 'Pia', email: `attach-${Date.now()}@example.com`, password: 'correct horse battery staple' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journals' }).click();
    await page.getByLabel('Name').fill('Field notes');
    await page.getByRole('button', { name: 'Create journal' }).click();
    await page.getByRole('link', { name: /Field notes/ }).click();
    await page.getByRole('heading', { name: /Field notes/ }).waitFor();
    const journalUrl = page.url();

    await page.getByRole('link', { name: 'New entry' }).first().click();
    await page.getByLabel('Title').fill('Low tide');
    const text = 'The tide went out past the second sandbar; I photographed the pools it left.';
    await page.getByLabel('Entry', { exact: true }).fill(text);
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);

    // the photo: chosen with the picker, sent to the signed URL, attached; its thumbnail loads from storage
    const files = page.getByRole('region', { name: 'Attachments' });
    await files.locator('input[type=file]').setInputFiles({ name: 'tide-pools.png', mimeType: 'image/png', buffer: await photo() });
    const thumbnail = files.getByRole('img', { name: 'tide-pools.png' });
    await thumbnail.waitFor();
    await expect.poll(() => page.evaluate<number>(`document.querySelector('img[alt="tide-pools.png"]')?.naturalWidth ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);
    // the thumbnail is the server's (at most 320 px, WebP), and the link opens the full-size image
    expect(await thumbnail.getAttribute('src')).not.toBe(await files.getByRole('link', { name: 'tide-pools.png' }).getAttribute('href'));
    const full = await page.request.get((await files.getByRole('link', { name: 'tide-pools.png' }).getAttribute('href'))!);
    expect(full.status()).toBe(200);
    expect(full.headers()['content-type']).toBe('image/png');
    expect((await sharp(await full.body()).metadata()).width).toBe(96);

    // a text file named like a photo: sent, then refused from its bytes, said in a sentence; the text stays
    await files.locator('input[type=file]').setInputFiles({ name: 'not-a-photo.png', mimeType: 'image/png', buffer: Buffer.from('just some words, not an image\n') });
    await files.getByRole('alert').filter({ hasText: '“not-a-photo.png” cannot be attached: only JPEG, PNG, WebP or HEIC images, PDF, or M4A, MP3, Ogg or WebM audio can.' }).waitFor();
    const gallery = files.getByRole('list', { name: 'Attachments' });
    expect(await gallery.getByRole('listitem').count()).toBe(1);
    expect(await gallery.getByRole('listitem').filter({ hasText: 'not-a-photo.png' }).count()).toBe(0);
    expect(await page.getByLabel('Entry', { exact: true }).textContent()).toBe(text);

    // the browser refuses the microphone here (headless, no permission given): said so, with what to do
    await files.getByRole('button', { name: /Record a voice note/ }).click();
    await files.getByRole('alert').filter({ hasText: /microphone/ }).waitFor();
    await expectNoSeriousViolations(page, 'entry editor with its attachments');

    // after a reload the gallery is read again, with fresh signed URLs
    await page.reload();
    await expect.poll(() => page.evaluate<number>(`document.querySelector('img[alt="tide-pools.png"]')?.naturalWidth ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);

    // the journal as PDF: prepared by the server while a progress bar runs, then downloaded
    await page.goto(journalUrl);
    await page.getByRole('button', { name: 'Export…' }).click();
    const menu = page.getByRole('form', { name: 'Export this journal' });
    await menu.getByRole('radio', { name: /PDF/ }).check();
    await expectNoSeriousViolations(page, 'journal export menu');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^field-notes.*\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await menu.getByRole('link', { name: /^Download field-notes.*\.pdf$/ }).waitFor();
  });

  it('attaches a file to a thought and shows it with the thought', async () => {
    const { page } = await app.newPage({ viewport: { width: 1200, height: 900 } });
    await register(page, app.appUrl, { name: 'Theo', email: `thought-files-${Date.now()}@example.com`, password: 'correct horse battery staple' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Thoughts' }).click();
    await page.getByLabel(/^Capture a thought/).fill('The colour of the harbour wall at six');
    await page.getByRole('button', { name: 'Capture' }).click();
    const thought = page.getByRole('listitem').filter({ hasText: 'The colour of the harbour wall at six' });
    await thought.waitFor();
    const files = thought.getByRole('region', { name: 'Files of the thought' });
    await files.locator('input[type=file]').setInputFiles({ name: 'wall.png', mimeType: 'image/png', buffer: await photo() });
    await expect.poll(() => page.evaluate<number>(`document.querySelector('img[alt="wall.png"]')?.naturalWidth ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'thoughts with a file');
  });
});
