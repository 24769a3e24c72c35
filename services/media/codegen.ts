// The media subgraph's resolver types (src/subgraph/generated/resolvers-types.ts), from its SDL.
// `npm run codegen` writes them; `npm run check` fails when they are stale.
import { join } from 'node:path';
import { runResolverCodegen } from '@mindflow/subgraph/codegen';

const subgraph = join(import.meta.dirname, 'src', 'subgraph');

await runResolverCodegen({
  schemaPath: join(subgraph, 'schema.graphql'),
  outputPath: join(subgraph, 'generated', 'resolvers-types.ts'),
  contextType: '../context.js#MediaContext',
  mappers: {
    Attachment: '../../application/ports/media-store.js#AttachmentRow',
    Entry: '../context.js#EntityKey',
    Thought: '../context.js#EntityKey',
  },
});
