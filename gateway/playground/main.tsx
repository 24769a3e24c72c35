// The playground: GraphiQL 5 (autocomplete, docs explorer, history, headers editor) against this gateway.
// Queries and mutations go over HTTP to /graphql with the headers editor's headers; subscriptions over
// graphql-ws on the same URL, the headers becoming connectionParams (the gateway reads `Authorization`
// there, connection-auth.ts). Bundled by gateway/tools/playground-build.ts; nothing is loaded from elsewhere.
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meTab, subscriptionTab, welcomeTab } from './first-tab.js';
import { setUpMonacoWorkers } from './monaco-workers.js';
import { nonceNewStyleElements } from './style-nonce.js';

nonceNewStyleElements();
setUpMonacoWorkers();

const endpoint = new URL('/graphql', location.href);
const fetcher = createGraphiQLFetcher({
  url: endpoint.href,
  subscriptionUrl: endpoint.href.replace(/^http/, 'ws'),
  // The gateway answers JSON; no multipart (@defer) round trips.
  enableIncrementalDelivery: false,
});

const root = document.getElementById('graphiql');
if (!root) throw new Error('the page has no #graphiql element');
createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={[{ query: welcomeTab }, { query: meTab }, { query: subscriptionTab }]}
      defaultEditorToolsVisibility="headers"
      // Where to paste the token; not kept in localStorage unless you tick the setting.
      defaultHeaders={'{\n  "Authorization": "Bearer <accessToken from register or login>"\n}'}
    />
  </StrictMode>,
);
