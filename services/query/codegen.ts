// The query subgraph's resolver types (src/subgraph/generated/resolvers-types.ts), from its SDL.
// `npm run codegen` writes them; `npm run check` fails when they are stale.
import { join } from 'node:path';
import { runResolverCodegen } from '@mindflow/subgraph/codegen';

const subgraph = join(import.meta.dirname, 'src', 'subgraph');
const parents = '../resolvers/parents.js';

await runResolverCodegen({
  schemaPath: join(subgraph, 'schema.graphql'),
  outputPath: join(subgraph, 'generated', 'resolvers-types.ts'),
  contextType: '../context.js#SubgraphContext',
  mappers: {
    Journal: `${parents}#JournalRecord`,
    Entry: `${parents}#EntryRecord`,
    Thought: `${parents}#ThoughtRecord`,
    Task: `${parents}#TaskRecord`,
    CalendarEvent: `${parents}#CalendarEventRecord`,
    JournalConnection: `${parents}#JournalConnectionParent`,
    EntryConnection: `${parents}#EntryConnectionParent`,
    ThoughtConnection: `${parents}#ThoughtConnectionParent`,
    TaskConnection: `${parents}#TaskConnectionParent`,
    CalendarEventConnection: `${parents}#CalendarEventConnectionParent`,
    Dashboard: `${parents}#DashboardRoot`,
    User: `${parents}#UserKey`,
  },
});
