// Attachments and export (issue 15), in Debian's Chromium against the whole system in embedded mode, where the
// media subgraph serves the disk object store's signed URLs (the browser sends the bytes there itself): a photo
// (a real PNG made here) attached to an entry shows as a thumbnail in its gallery and opens full size; a file
// whose bytes are not an accepted type is refused with a sentence saying so, the entry's text untouched; the
// microphone refused by the browser is said so; a thought gets a file too; the journal exported as PDF downloads
// a file that starts with %PDF; with Chromium's fake microphone a voice note is recorded, uploaded as WebM and
// plays in the gallery. axe on the editor with its gallery and on the export menu.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './a11y.js';
import { appUnderTest, register, type AppUnderTest } from './app-under-test.js';
import { attachPhoto, journalWithEntry, loadedWidth, photo } from './attachment-steps.js';
import { launchChromium } from './browser.js';

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

    const text = 'The tide went out past the second sandbar; I photographed the pools it left.';
    const journalUrl = await journalWithEntry(page, 'Field notes', text);

    // the photo: chosen with the picker, sent to the signed URL, attached; its thumbnail loads from storage
    const files = page.getByRole('region', { name: 'Attachments' });
    const open = await attachPhoto(page, 'tide-pools.png');
    const loaded = (selector: string) => loadedWidth(page, selector);
    await expect.poll(() => loaded('.thumb img'), { timeout: 15_000 }).toBeGreaterThan(0);
    // the thumbnail is the server's (WebP, at most 320 px); the full-size image opens over the page, as uploaded
    const thumbnail = await page.request.get((await open.locator('img').getAttribute('src'))!);
    expect(thumbnail.headers()['content-type']).toBe('image/webp');
    await open.click();
    const viewer = page.getByRole('dialog', { name: 'tide-pools.png' });
    const full = viewer.getByRole('img', { name: 'tide-pools.png' });
    await expect.poll(() => loaded('[role=dialog] img'), { timeout: 15_000 }).toBe(96);
    const original = await page.request.get((await full.getAttribute('src'))!);
    expect(original.headers()['content-type']).toBe('image/png');
    expect((await sharp(await original.body()).metadata()).width).toBe(96);
    await expectNoSeriousViolations(page, 'an attached photo at full size');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    expect(await page.evaluate<string>('document.activeElement?.getAttribute("aria-label") ?? ""')).toBe('Open tide-pools.png full size');

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
    await expect.poll(() => loaded('.thumb img'), { timeout: 15_000 }).toBeGreaterThan(0);

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
    await files.getByRole('button', { name: 'Open wall.png full size' }).waitFor();
    await expect.poll(() => page.evaluate<number>(`document.querySelector('.thumb img')?.naturalWidth ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'thoughts with a file');
  });

  it('records a voice note with the microphone (Chromium\'s fake one) and plays it from the gallery', async () => {
    const browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);
    try {
      const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
      page.setDefaultTimeout(30_000);
      await register(page, app.appUrl, { name: 'Vera', email: `voice-${Date.now()}@example.com`, password: 'correct horse battery staple' });
      await journalWithEntry(page, 'Voice notes', 'A note about the foghorn, and what it sounded like.');
      const files = page.getByRole('region', { name: 'Attachments' });
      await files.getByRole('button', { name: /Record a voice note/ }).click();
      await files.getByRole('status').filter({ hasText: 'Recording… 0:02' }).waitFor();
      await files.getByRole('button', { name: 'Stop recording' }).click();
      const player = files.getByRole('list', { name: 'Attachments' }).locator('audio');
      const refused = files.getByRole('alert');
      await expect.poll(async () => ((await player.count()) > 0 ? 'attached' : (await refused.allTextContents()).join(' ') || 'waiting'), { timeout: 30_000 })
        .toBe('attached');
      expect(await player.getAttribute('aria-label')).toMatch(/^voice-note-\d{4}-\d\d-\d\d-\d{4}\.webm$/);
      // the server read it as audio (its tracks) and the browser loads it from its signed URL
      await expect.poll(() => page.evaluate<number>(`document.querySelector('audio')?.readyState ?? 0`), { timeout: 15_000 }).toBeGreaterThan(0);
      const stored = await page.request.get((await player.getAttribute('src'))!);
      expect(stored.headers()['content-type']).toBe('audio/webm');
      expect((await stored.body()).subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // EBML: a WebM file
    } finally {
      await browser.close();
    }
  });
});
