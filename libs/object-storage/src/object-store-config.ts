import { z } from 'zod';

// Which adapter and where, read from the environment in one place (docs/CONVENTIONS.md, Configuration).
// Embedded mode's default is the disk under the repo's .cache; distributed mode sets OBJECT_STORE=s3.

export type ObjectStoreConfig =
  | {
      kind: 's3';
      endpoint?: string;
      bucket: string;
      region: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
    }
  | {
      kind: 'disk';
      directory: string;
      /** Base URL of the service that mounts `diskObjectHandler` (its signed URLs start with it). */
      publicUrl: string;
      /** HMAC key of the signed URLs. */
      signingKey: string;
    };

const booleanText = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  OBJECT_STORE: z.enum(['s3', 'disk']).default('disk'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanText,
  OBJECT_STORE_DIR: z.string().min(1).optional(),
  OBJECT_STORE_PUBLIC_URL: z.url().optional(),
  OBJECT_STORE_SIGNING_KEY: z.string().min(16).optional(),
});

/**
 * The object store's configuration from environment variables. `defaults` are what the caller's mode implies
 * (the disk folder, the URL its handler is served at, a dev signing key); the environment wins over them.
 */
export function objectStoreConfigFromEnv(
  environment: NodeJS.ProcessEnv,
  defaults: { directory?: string; publicUrl?: string; signingKey?: string } = {},
): ObjectStoreConfig {
  const env = environmentSchema.parse(emptyAsUnset(environment));
  if (env.OBJECT_STORE === 's3') {
    if (!env.S3_BUCKET) throw new Error('OBJECT_STORE=s3 needs S3_BUCKET');
    return {
      kind: 's3',
      endpoint: env.S3_ENDPOINT,
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    };
  }
  const directory = env.OBJECT_STORE_DIR ?? defaults.directory;
  const publicUrl = env.OBJECT_STORE_PUBLIC_URL ?? defaults.publicUrl;
  const signingKey = env.OBJECT_STORE_SIGNING_KEY ?? defaults.signingKey;
  if (!directory) throw new Error('OBJECT_STORE=disk needs OBJECT_STORE_DIR');
  if (!publicUrl) throw new Error('OBJECT_STORE=disk needs OBJECT_STORE_PUBLIC_URL (where diskObjectHandler is served)');
  if (!signingKey) throw new Error('OBJECT_STORE=disk needs OBJECT_STORE_SIGNING_KEY (at least 16 characters)');
  return { kind: 'disk', directory, publicUrl, signingKey };
}

function emptyAsUnset(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
}
