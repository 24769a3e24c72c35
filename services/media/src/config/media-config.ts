import { join } from 'node:path';
import { objectStoreConfigFromEnv, type ObjectStoreConfig } from '@mindflow/object-storage';
import { repoRoot } from '@mindflow/platform';
import { z } from 'zod';
import type { MediaSettings } from '../application/media-settings.js';

const mib = 1_048_576;

/** The embedded disk store's dev signing key, used only when OBJECT_STORE_SIGNING_KEY is unset (warned). */
export const devObjectSigningKey = 'mindflow-dev-object-signing-key';

/** The media service's own variables (docs/CONVENTIONS.md, "Configuration"): both its roles read them. */
export const mediaConfigShape = {
  /** The service's own database: uploads, targets, attachments, the deletion queue and its outbox. */
  MEDIA_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write_media'),
  MEDIA_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(20 * mib),
  MEDIA_UPLOAD_URL_SECONDS: z.coerce.number().int().min(10).default(900),
  MEDIA_UPLOAD_EXPIRY_SECONDS: z.coerce.number().int().min(60).default(86_400),
  MEDIA_DOWNLOAD_URL_SECONDS: z.coerce.number().int().min(10).default(300),
  MEDIA_QUOTA_FREE_BYTES: z.coerce.number().int().min(0).default(500 * mib),
  MEDIA_QUOTA_PREMIUM_BYTES: z.coerce.number().int().min(0).default(20_480 * mib),
  MEDIA_TARGET_WAIT_MS: z.coerce.number().int().min(0).default(5000),
  // @mindflow/object-storage's variables, validated there (objectStoreConfigFromEnv): kept as text here.
  OBJECT_STORE: z.enum(['s3', 'disk']).default('disk'),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.string().optional(),
  OBJECT_STORE_DIR: z.string().optional(),
  OBJECT_STORE_PUBLIC_URL: z.string().optional(),
  OBJECT_STORE_SIGNING_KEY: z.string().optional(),
};

export const mediaConfigSchema = z.object(mediaConfigShape);
export type MediaConfig = z.infer<typeof mediaConfigSchema>;

export function mediaSettingsOf(config: MediaConfig): MediaSettings {
  return {
    maxUploadBytes: config.MEDIA_MAX_UPLOAD_BYTES,
    uploadUrlSeconds: config.MEDIA_UPLOAD_URL_SECONDS,
    uploadExpirySeconds: config.MEDIA_UPLOAD_EXPIRY_SECONDS,
    downloadUrlSeconds: config.MEDIA_DOWNLOAD_URL_SECONDS,
    quota: { free: config.MEDIA_QUOTA_FREE_BYTES, premium: config.MEDIA_QUOTA_PREMIUM_BYTES },
    targetWaitMs: config.MEDIA_TARGET_WAIT_MS,
  };
}

/**
 * The object store this configuration names. Embedded defaults: the disk under `.cache/media-objects`, served by
 * the media subgraph at `<its origin>/objects` (`publicUrl`, known once it listens), the dev signing key.
 */
export function objectStoreConfigOf(config: MediaConfig, defaults: { publicUrl?: string } = {}): ObjectStoreConfig {
  const environment: NodeJS.ProcessEnv = {};
  for (const key of ['OBJECT_STORE', 'S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE',
    'OBJECT_STORE_DIR', 'OBJECT_STORE_PUBLIC_URL', 'OBJECT_STORE_SIGNING_KEY'] as const) {
    environment[key] = config[key];
  }
  return objectStoreConfigFromEnv(environment, {
    directory: join(repoRoot, '.cache', 'media-objects'),
    signingKey: devObjectSigningKey,
    ...defaults,
  });
}
