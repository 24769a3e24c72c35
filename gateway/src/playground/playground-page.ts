// The playground's HTML: GraphiQL's bundle (playground-assets.ts) under the page's nonce. Everything else
// the page does is in gateway/playground/.
import { playgroundAssetsPath, type PlaygroundManifest } from './playground-assets.js';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function playgroundPage(nonce: string, manifest: PlaygroundManifest): string {
  const url = (name: string) => escapeAttribute(playgroundAssetsPath + encodeURIComponent(name));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MindFlow GraphQL playground</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${manifest.styles.map((s) => `<link rel="stylesheet" nonce="${nonce}" href="${url(s)}">`).join('\n')}
<style nonce="${nonce}">html,body{height:100%;margin:0}#graphiql{height:100vh}#graphiql>p{font:14px system-ui,sans-serif;padding:1rem}</style>
</head><body>
<div id="graphiql"><p>Loading the playground…</p></div>
<script type="module" nonce="${nonce}" src="${url(manifest.script)}"></script>
</body></html>`;
}

/** Answered (503) when the bundle is missing: the gateway runs, only its playground needs building. */
export function playgroundNotBuiltPage(nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MindFlow GraphQL playground</title>
<style nonce="${nonce}">body{font:15px system-ui,sans-serif;margin:2rem;max-width:48rem}code{background:#eee;padding:0 .2em}</style>
</head><body><h1>The playground is not built</h1>
<p>Its GraphiQL bundle is made once from <code>node_modules</code>: run
<code>npm run build:playground -w @mindflow/gateway</code> (or <code>npx nx build @mindflow/gateway</code>), then reload.
<code>npm start</code> does it for you.</p>
<p>The API itself is up at <code>/graphql</code>.</p></body></html>`;
}
