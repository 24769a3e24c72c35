import type { ProjectorRuntimeConfig } from '@mindflow/event-log';
import { embeddedProjection as projectionUnderTest, type EmbeddedProjection as ProjectionUnderTest } from '@mindflow/event-log/testing';
import { queryProjection } from '../query-read-models.js';
import { startQueryProjector, type RunningQueryProjector } from '../start-query-projector.js';

export type EmbeddedProjection = ProjectionUnderTest<RunningQueryProjector>;

/**
 * The query projector on the embedded event log (the outbox of a real write DB) over a real read DB:
 * a read-model handler's integration test drives events through the same runtime as production.
 */
export function embeddedProjection(label: string, runtime: Partial<Pick<ProjectorRuntimeConfig, 'PROJECTOR_SET_BASED' | 'PROJECTOR_CHUNK_SIZE'>> = {}): Promise<EmbeddedProjection> {
  return projectionUnderTest(label, { projection: queryProjection, start: (config, dependencies) => startQueryProjector({ ...config, ...runtime }, dependencies) });
}
