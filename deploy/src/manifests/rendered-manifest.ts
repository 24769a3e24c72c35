// One object out of a rendered kustomization, with the file it came from.
import { textOf } from './object-paths.js';

export type ManifestObject = Record<string, unknown> & {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown; labels?: Record<string, string>; annotations?: Record<string, string> };
};

export interface RenderedManifest {
  /** Repository-relative source file (the resource's YAML, or the kustomization that generated it). */
  readonly file: string;
  readonly object: ManifestObject;
}

export const kindOf = (m: RenderedManifest) => textOf(m.object.kind ?? '?');
export const nameOf = (m: RenderedManifest) => textOf(m.object.metadata?.name ?? '?');
export const labelOf = (m: RenderedManifest) => `${kindOf(m)}/${nameOf(m)}`;
