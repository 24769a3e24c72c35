// The steps the attachment walk-throughs share (embedded mode's disk store, distributed mode's S3 bucket): a real
// photo made here, a journal with one saved entry open in the editor, and a photo attached to it with the picker.
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';

/** A 96×64 PNG: two coloured halves (a real image for the server to read, strip and thumbnail). */
export async function photo(): Promise<Buffer> {
  const half = { width: 48, height: 64, channels: 3 as const };
  return sharp({ create: { ...half, width: 96, background: { r: 30, g: 110, b: 160 } } })
    .composite([{ input: { create: { ...half, background: { r: 240, g: 200, b: 80 } } }, left: 48, top: 0 }])
    .png()
    .toBuffer();
}

/** A journal with one saved entry, open in the editor; answers the journal's address. */
export async function journalWithEntry(page: Page, journal: string, text: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journals' }).click();
  await page.getByLabel('Name').fill(journal);
  await page.getByRole('button', { name: 'Create journal' }).click();
  await page.getByRole('link', { name: new RegExp(journal) }).click();
  await page.getByRole('heading', { name: new RegExp(journal) }).waitFor();
  const journalUrl = page.url();
  await page.getByRole('link', { name: 'New entry' }).first().click();
  await page.getByLabel('Title').fill('Low tide');
  await page.getByLabel('Entry', { exact: true }).fill(text);
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.waitForURL(/\/entries\/[0-9a-f-]{36}$/);
  return journalUrl;
}

/**
 * The photo chosen with the entry's picker (sent to its signed URL, then attached); answers the gallery's button
 * that opens it full size, once it is there.
 */
export async function attachPhoto(page: Page, fileName: string): Promise<Locator> {
  const files = page.getByRole('region', { name: 'Attachments' });
  await files.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'image/png', buffer: await photo() });
  const open = files.getByRole('button', { name: `Open ${fileName} full size` });
  await open.waitFor();
  return open;
}

/** The natural width of the first image matching `selector` (0 while it has not loaded, or failed to). */
export function loadedWidth(page: Page, selector: string): Promise<number> {
  return page.evaluate<number>(`document.querySelector(${JSON.stringify(selector)})?.naturalWidth ?? 0`);
}
