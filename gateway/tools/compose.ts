// Composes gateway/supergraph.graphql from the subgraph SDL files listed in gateway/subgraphs.ts.
//   tsx tools/compose.ts           write the supergraph (part of `nx build`)
//   tsx tools/compose.ts --check   fail, naming the subgraphs, when the committed supergraph is stale
import { readFile, writeFile } from 'node:fs/promises';
import { composeSupergraph, staleSubgraphs, supergraphPath, committedSupergraph } from './supergraph-file.js';

const check = process.argv.includes('--check');
const fresh = await composeSupergraph();

if (!check) {
  const current = await readFile(supergraphPath, 'utf8').catch(() => '');
  if (current !== fresh) await writeFile(supergraphPath, fresh);
  console.log(current === fresh ? 'supergraph.graphql is up to date' : 'wrote supergraph.graphql');
} else {
  const versions: [string, string | undefined][] = [
    ['gateway/supergraph.graphql', await readFile(supergraphPath, 'utf8').catch(() => undefined)],
    ['gateway/supergraph.graphql as committed (HEAD)', await committedSupergraph()],
  ];
  let failed = false;
  for (const [label, text] of versions) {
    if (text === undefined || text === fresh) continue;
    failed = true;
    const names = staleSubgraphs(text, fresh);
    console.error(
      `${label} is stale: ${names.length ? `subgraph ${names.map((n) => `"${n}"`).join(', ')} changed` : 'composition output changed'} since it was composed.`,
    );
  }
  if (failed) {
    console.error('Recompose with `npx nx build @mindflow/gateway` (or `npm run compose -w @mindflow/gateway`) and commit gateway/supergraph.graphql.');
    process.exit(1);
  }
  console.log('gateway/supergraph.graphql matches a fresh composition');
}
