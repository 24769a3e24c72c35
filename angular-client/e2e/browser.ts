import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (tools/infra/chromium.sh installs it), found on PATH. */
export function chromiumPath(): string {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const candidate = join(dir, 'chromium');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('Chromium is not installed: run `bash tools/infra/chromium.sh` (Debian package `chromium`), or set CHROMIUM_PATH.');
}

/** `extraArgs`: more Chromium switches, e.g. a fake microphone (`--use-fake-device-for-media-stream`). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
    timeout: 60_000,
  });
}
