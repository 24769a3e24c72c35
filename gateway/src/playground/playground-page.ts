// A small GraphQL playground served by the gateway itself: the machine may be offline, so nothing is
// loaded from a CDN (Apollo's landing page would be). One page, one inline script under a nonce-based CSP.

const script = `
const $ = (id) => document.getElementById(id);
for (const id of ['token', 'query', 'variables']) {
  const saved = localStorage.getItem('mindflow.' + id);
  if (saved !== null) $(id).value = saved;
  $(id).addEventListener('input', () => localStorage.setItem('mindflow.' + id, $(id).value));
}
async function post(body) {
  const headers = { 'content-type': 'application/json' };
  const token = $('token').value.trim();
  if (token) headers.authorization = 'Bearer ' + token.replace(/^Bearer\\s+/i, '');
  const consistency = $('consistency').value.trim();
  if (consistency) headers['x-consistent-with'] = consistency;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, correlationId: res.headers.get('x-correlation-id'), json: await res.json() };
}
// Subscriptions: the graphql-transport-ws protocol by hand (no client library to load), newest result first.
let live = null;
const runLabel = 'Run ▶ (Ctrl+Enter)';
function subscribe(query, variables) {
  const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
  live = ws;
  const shown = [];
  const show = (text) => { shown.unshift(new Date().toLocaleTimeString() + '  ' + text); $('result').textContent = shown.slice(0, 50).join('\\n\\n'); };
  ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + $('token').value.trim().replace(/^Bearer\\s+/i, '') } }));
  ws.onmessage = (message) => {
    const msg = JSON.parse(message.data);
    if (msg.type === 'connection_ack') {
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      $('meta').textContent = 'subscribed over WebSocket: waiting for changes…';
    } else if (msg.type === 'next') show(JSON.stringify(msg.payload, null, 2));
    else if (msg.type === 'error') show('error ' + JSON.stringify(msg.payload, null, 2));
    else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
    else if (msg.type === 'complete') $('meta').textContent = 'subscription completed';
  };
  ws.onclose = (event) => {
    $('meta').textContent = 'WebSocket closed ' + event.code + (event.reason ? ': ' + event.reason : '');
    if (live === ws) { live = null; $('run').textContent = runLabel; }
  };
  $('result').textContent = '';
  $('run').textContent = 'Stop ■';
}
async function run() {
  if (live) { live.close(1000); return; }
  let variables = {};
  try { variables = $('variables').value.trim() ? JSON.parse($('variables').value) : {}; }
  catch (e) { $('result').textContent = 'variables are not JSON: ' + e.message; return; }
  if (/(^|})\\s*subscription\\b/.test($('query').value.replace(/#[^\\n]*/g, ''))) return subscribe($('query').value, variables);
  $('result').textContent = '…';
  const started = performance.now();
  const { status, correlationId, json } = await post({ query: $('query').value, variables });
  $('meta').textContent = 'HTTP ' + status + ' · ' + Math.round(performance.now() - started) + ' ms · x-correlation-id ' + correlationId;
  $('result').textContent = JSON.stringify(json, null, 2);
  const token = JSON.stringify(json).match(/"consistencyToken":"([^"]+)"/);
  if (token) $('consistency').value = token[1];
}
const typeName = (t) => t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name;
async function docs() {
  const { json } = await post({ query: '{ __schema { types { name kind fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } enumValues { name } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }' });
  if (!json.data) { $('result').textContent = JSON.stringify(json, null, 2); return; }
  $('result').textContent = json.data.__schema.types.filter((t) => !t.name.startsWith('__')).map((t) => {
    const members = (t.fields || t.inputFields || []).map((f) =>
      '  ' + f.name + (f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : '') + ': ' + typeName(f.type));
    const values = (t.enumValues || []).map((v) => '  ' + v.name);
    return t.kind.toLowerCase() + ' ' + t.name + (members.length || values.length ? ' {\\n' + members.concat(values).join('\\n') + '\\n}' : '');
  }).join('\\n\\n');
}
$('run').addEventListener('click', run);
$('docs').addEventListener('click', docs);
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run(); });
`;

const defaultQuery = `query MyJournals {
  journals(first: 10) {
    totalCount
    edges { node { id name entryCount entries(first: 3) { edges { node { title mood createdAt } } } } }
  }
}`;

export function playgroundPage(nonce: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MindFlow GraphQL playground</title>
<style nonce="${nonce}">
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-rows:auto 1fr;height:100vh}
header{display:flex;gap:.5rem;align-items:center;padding:.5rem;background:#234;color:#fff}
header input{flex:1;font:12px monospace}
main{display:grid;grid-template-columns:1fr 1fr;gap:.5rem;padding:.5rem;min-height:0}
section{display:grid;grid-template-rows:2fr 1fr auto;gap:.5rem;min-height:0}
textarea,pre{font:13px/1.4 ui-monospace,monospace;margin:0;padding:.5rem;border:1px solid #ccc;overflow:auto;resize:none}
pre{background:#f7f7f7;white-space:pre-wrap}
#meta{font-size:12px;color:#555}
</style></head><body>
<header><strong>MindFlow</strong>
<input id="token" placeholder="access token (npm run issue-dev-token -w @mindflow/auth)" autocomplete="off">
<input id="consistency" placeholder="x-consistent-with (filled from the last consistencyToken)" autocomplete="off">
<button id="docs">Schema</button><button id="run">Run ▶ (Ctrl+Enter)</button></header>
<main><section><textarea id="query" spellcheck="false">${defaultQuery}</textarea>
<textarea id="variables" spellcheck="false" placeholder="variables (JSON)">{}</textarea><div id="meta"></div></section>
<pre id="result"></pre></main>
<script nonce="${nonce}">${script}</script>
</body></html>`;
}
