import { createObjectStore, type ObjectStore } from '@mindflow/object-storage';
import { erasingReadModels, projectorConfigSchema, startProjection, type ProjectionDependencies, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import { z } from 'zod';
import { migrateMediaDatabase } from '../adapters/pg/media-migrations.js';
import { pgSweepStore } from '../adapters/pg/pg-sweep-store.js';
import { mediaConfigShape, objectStoreConfigOf } from '../config/media-config.js';
import { mediaSweeper, type MediaSweeper } from '../sweeping/media-sweeper.js';
import { attachmentTargets } from './attachment-targets.js';
import { mediaUserEraser } from './user-erasure.js';

/** The projection's name in `projection_versions` and its default consumer group suffix. */
export const mediaProjection = 'media';

export const mediaProjectorConfigSchema = projectorConfigSchema.extend({
  ...mediaConfigShape,
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.media-projector`. */
  MEDIA_PROJECTOR_GROUP: z.string().optional(),
  /** How often the sweeper deletes expired uploads and queued objects. */
  MEDIA_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
  /** How long an export stays in object storage before the sweeper deletes it (docs/CONVENTIONS.md). */
  MEDIA_EXPORT_LIFETIME_SECONDS: z.coerce.number().int().min(60).default(86_400),
});
export type MediaProjectorConfig = z.infer<typeof mediaProjectorConfigSchema>;

export interface MediaProjectorDependencies extends ProjectionDependencies {
  readonly now?: () => Date;
  /** Start the sweeper's timer (default); tests call `sweeper.runOnce()` themselves. */
  readonly startSweeper?: boolean;
}

export interface MediaProjectionParts {
  readonly sweeper: MediaSweeper;
  readonly objects: ObjectStore;
}

export type RunningMediaProjector = RunningProjection<MediaProjectionParts>;

/**
 * The media projection: follows entries, thoughts and journals into `media_targets` (what attachFile checks a
 * target against) and removes the attachments of deleted ones; the sweeper beside it deletes expired uploads and
 * the objects of removed attachments from storage.
 */
export const mediaProjector = {
  name: mediaProjection,
  role: 'media-projector',
  config: mediaProjectorConfigSchema,
  database: (config) => config.MEDIA_DATABASE_URL,
  group: (config) => config.MEDIA_PROJECTOR_GROUP,
  migrations: migrateMediaDatabase,
  setUp({ config, pool, log, dependencies }) {
    const now = dependencies.now ?? (() => new Date());
    // The projector signs nothing: the disk store's public URL is only a placeholder here.
    const objects = createObjectStore(objectStoreConfigOf(config, { publicUrl: 'http://127.0.0.1/objects' }));
    const sweeper = mediaSweeper({ store: pgSweepStore(pool), objects, intervalMs: config.MEDIA_SWEEP_INTERVAL_MS,
      // Orphaned upload objects age by the upload URL's lifetime: past it, no PUT can recreate them.
      ages: { orphanUploadSeconds: config.MEDIA_UPLOAD_URL_SECONDS, exportSeconds: config.MEDIA_EXPORT_LIFETIME_SECONDS },
      now, log: log.child({ worker: 'sweeper' }) });
    return {
      // Skips events of erased users; the last read model erases a user's rows and objects and acknowledges (issue 16).
      readModels: erasingReadModels([attachmentTargets], mediaUserEraser(mediaProjection, objects, now)),
      ...(dependencies.startSweeper !== false ? { start: () => sweeper.start() } : {}),
      stop: () => sweeper.stop(),
      exposed: { sweeper, objects },
      consuming: { objectStore: config.OBJECT_STORE },
    };
  },
} satisfies ProjectorDefinition<typeof mediaProjectorConfigSchema, MediaProjectorDependencies, MediaProjectionParts>;

/** Starts the media projection (tests, tools): `startProjection` of its definition. */
export function startMediaProjector(
  input: Partial<MediaProjectorConfig> = {},
  dependencies: MediaProjectorDependencies = {},
): Promise<RunningMediaProjector> {
  return startProjection(mediaProjector, input, dependencies);
}
