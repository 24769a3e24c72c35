import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, staleSubgraphs, supergraphPath } from '../tools/supergraph-file.js';

describe('supergraph composition', () => {
  it('is deterministic and names each subgraph with the hash of its SDL', async () => {
    const [a, b] = [await composeSupergraph(), await composeSupergraph()];
    expect(a).toBe(b);
    expect(a).toMatch(/^# subgraph query services\/query\/src\/subgraph\/schema\.graphql sha256:[0-9a-f]{64}$/m);
    expect(a).toMatch(/join__Graph/);
  });

  it('names the subgraphs that changed, appeared or disappeared', () => {
    const old = '# subgraph query q.graphql sha256:aa\n# subgraph search s.graphql sha256:bb\n';
    const fresh = '# subgraph query q.graphql sha256:aa\n# subgraph search s.graphql sha256:cc\n# subgraph identity i.graphql sha256:dd\n';
    expect(staleSubgraphs(old, fresh).sort()).toEqual(['identity', 'search']);
  });

  it('matches the committed file (run `nx build @mindflow/gateway` after changing a subgraph SDL)', async () => {
    expect(await readFile(supergraphPath, 'utf8')).toBe(await composeSupergraph());
  });
});
