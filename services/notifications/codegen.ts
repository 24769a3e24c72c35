// The notifications subgraph's resolver types (src/subgraph/generated/resolvers-types.ts), from its SDL.
// `npm run codegen` writes them; `npm run check` fails when they are stale.
import { join } from 'node:path';
import { runResolverCodegen } from '@mindflow/subgraph/codegen';

const subgraph = join(import.meta.dirname, 'src', 'subgraph');
const rows = '../store/rows.js';

await runResolverCodegen({
  schemaPath: join(subgraph, 'schema.graphql'),
  outputPath: join(subgraph, 'generated', 'resolvers-types.ts'),
  contextType: '../context.js#NotificationsContext',
  mappers: {
    Notification: `${rows}#NotificationRow`,
    WeeklyReflection: `${rows}#ReflectionRow`,
    Webhook: `${rows}#WebhookRow`,
    WebhookDelivery: `${rows}#WebhookDeliveryRow`,
    User: '../context.js#EntityKey',
    Task: '../context.js#EntityRef',
    Entry: '../context.js#EntityRef',
  },
});
