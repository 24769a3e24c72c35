// npx tsx tools/src/bench/upload-thumbnail.ts [--count 30] [--modes embedded,distributed] [--bound-minutes 20]
// Issue 15, "Measured": from an upload's completion to its thumbnail being available, p50/p99, for camera-sized
// photos. Per mode, the whole system (startE2eSystem: every role its own process; distributed, S3Proxy, Kafka and
// Elasticsearch) and one user with an entry; then `--count` photos one after another, each: requestUpload, the bytes
// PUT to the signed URL (the upload, timed but not counted), then from the PUT's answer (t0) attachFile (type from
// the bytes, metadata stripped, oriented, re-encoded, thumbnail, both stored, AttachmentAdded) answered → `attached`,
// and the thumbnail's signed URL from Entry.attachments read back through the gateway and GET → 200 with a WebP →
// `thumbnail served`. The baseline, in the same run on the same bytes: the media service's processor alone
// (mediaFileProcessor.process, in this process): what the pipeline adds on top of the image work itself.
// The photos: 12 MP (4032×3024) JPEGs, ~5 MiB, with an EXIF rotation and GPS position, made here (sharp's Gaussian
// noise: a photo's entropy, so its decoding and encoding cost; no photograph ships with the repo). Sequential uploads:
// latency, not throughput. Prints the load average with the figures and a Markdown table.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { mediaFileProcessor } from '@mindflow/media-service';
import sharp from 'sharp';
import { attachFile, uploadFile, type Attachment } from '../e2e/attachment-operations.js';
import * as op from '../e2e/mutation-operations.js';
import { startE2eSystem } from '../e2e/test/e2e-system.js';
import { repoRoot, type Mode } from '../system/index.js';
import { Histogram } from './histogram.js';
import { LoadSampler, type LoadAverage } from './machine.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '30' }, modes: { type: 'string', default: 'embedded,distributed' }, 'bound-minutes': { type: 'string', default: '20' } } });
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 200) throw new Error('--count: 1 to 200 uploads');
const modes = values.modes.split(',').map((mode): Mode => {
  if (mode !== 'embedded' && mode !== 'distributed') throw new Error(`unknown mode ${mode} (embedded, distributed)`);
  return mode;
});
const runBound = Number(values['bound-minutes']) * 60_000; // the whole run, all modes: a stuck system fails the run instead of holding the machine
setTimeout(() => {
  console.error(`upload-thumbnail: not done in ${runBound / 60_000} min, giving up (the rows measured so far follow)`);
  printTable();
  process.exit(2);
}, runBound).unref();

const distinctPhotos = 4; // each costs seconds to make; the uploads cycle through them (each is a new object all the same)
async function photo(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 4032, height: 3024, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 110 + seed * 10, sigma: 20 } } })
    .jpeg({ quality: 88 })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'BenchCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100' } })
    .toBuffer();
}
const photos = await Promise.all(Array.from({ length: distinctPhotos }, (_, i) => photo(i)));
const meanMiB = photos.reduce((sum, p) => sum + p.length, 0) / photos.length / 1_048_576;

const entryAttachments = 'query ($id: ID!) { entry(id: $id) { attachments { id thumbnailUrl } } }';
const ms = (from: number) => performance.now() - from;

interface Row { readonly what: string; readonly summary: ReturnType<Histogram['summary']>; readonly load: LoadAverage }
const rows: Row[] = [];

function printTable(): void {
  if (!rows.length) return;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot }).toString().trim();
  const baseline = rows[0]!.summary.p50Ms;
  console.info(`\nupload → thumbnail, ${new Date().toISOString()}, HEAD ${commit}, ${count} photos per row (+2 warm-up), ${distinctPhotos} distinct 4032×3024 JPEGs of ${meanMiB.toFixed(2)} MiB mean; load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  console.info('| what | n | p50 ms | p99 ms | max ms | p50 ÷ baseline p50 | load (start → end, mean) |');
  console.info('|---|--:|--:|--:|--:|--:|---|');
  for (const { what, summary: s, load } of rows) {
    console.info(`| ${what} | ${s.count} | ${s.p50Ms.toFixed(0)} | ${s.p99Ms.toFixed(0)} | ${s.maxMs.toFixed(0)} | ×${(s.p50Ms / baseline).toFixed(2)} | ${load.start} → ${load.end}, ${load.mean} |`);
  }
}

async function timed(what: string, run: (record: (ms: number) => void, i: number, measured: boolean) => Promise<void>, warmUp = 2): Promise<void> {
  for (let i = 0; i < warmUp; i++) await run(() => undefined, i, false);
  const histogram = new Histogram();
  const load = new LoadSampler();
  for (let i = 0; i < count; i++) await run((value) => histogram.recordMs(value), i, true);
  rows.push({ what, summary: histogram.summary(), load: load.stop() });
  const s = histogram.summary();
  console.error(`[upload-thumbnail] ${what}: p50 ${s.p50Ms} ms, p99 ${s.p99Ms} ms (n ${s.count})`);
}

const processor = mediaFileProcessor();
await timed('baseline: the media processor alone, in process (orient, strip, re-encode, thumbnail)', async (record, i) => {
  const started = performance.now();
  const processed = await processor.process(photos[i % distinctPhotos]!, { kind: 'image', contentType: 'image/jpeg' });
  record(ms(started));
  if ('refused' in processed || !processed.thumbnail) throw new Error('the processor refused the photo');
});

for (const mode of modes) {
  console.error(`[upload-thumbnail] ${mode}: starting the system`);
  const e2e = await startE2eSystem(mode, 'bench-upload-thumbnail');
  try {
    const client = await e2e.newUser();
    const { createJournal } = await client.data<{ createJournal: { journal: { id: string } } }>(op.createJournal, { input: { name: 'Photos' } });
    const { createEntry } = await client.data<{ createEntry: { entry: { id: string } } }>(op.createEntry, { input: { journalId: createJournal.journal.id, content: 'A day out' } });
    const entryId = createEntry.entry.id;
    const upload = new Histogram();
    const attached = new Histogram();
    await timed(`${mode}: upload done → thumbnail served (attachFile, Entry.attachments, GET thumbnail 200)`, async (record, i, measured) => {
      const bytes = photos[i % distinctPhotos]!;
      const putStarted = performance.now();
      const ticket = await uploadFile(client, `photo-${i}.jpg`, 'image/jpeg', bytes);
      const t0 = performance.now();
      if (measured) upload.recordMs(t0 - putStarted);
      const { attachFile: result } = await client.data<{ attachFile: { attachment: Attachment } }>(attachFile, { uploadId: ticket.uploadId, to: { entryId } });
      if (measured) attached.recordMs(ms(t0));
      const { entry } = await client.data<{ entry: { attachments: { id: string; thumbnailUrl: string | null }[] } }>(entryAttachments, { id: entryId });
      const thumbnailUrl = entry.attachments.find((a) => a.id === result.attachment.id)?.thumbnailUrl;
      if (!thumbnailUrl) throw new Error(`attachment ${result.attachment.id}: no thumbnail listed`);
      const thumbnail = await fetch(thumbnailUrl);
      const body = Buffer.from(await thumbnail.arrayBuffer());
      if (thumbnail.status !== 200 || body.subarray(8, 12).toString('latin1') !== 'WEBP') throw new Error(`thumbnail answered ${thumbnail.status}`);
      record(ms(t0));
    });
    rows.push({ what: `${mode}: of which attachFile answered (upload done → attached)`, summary: attached.summary(), load: rows.at(-1)!.load });
    rows.push({ what: `${mode}: the upload itself (PUT of the bytes to the signed URL; not in the figures above)`, summary: upload.summary(), load: rows.at(-1)!.load });
  } finally {
    await e2e.stop();
  }
}

printTable();
process.exit(0);
