// Issue 7, security: every argument and input field of every mutation the gateway serves, sent huge,
// of the wrong type, as an invalid date or RRULE, with null bytes and unicode oddities. Each answer is a
// clear one (BAD_USER_INPUT naming the field, or the value accepted), never a 500; the gateway stays up.
import { randomUUID } from 'node:crypto';
import { issueAccessToken, loadSigningKeys } from '@mindflow/auth';
import { startSmtpCatcher, type SmtpCatcher } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient } from '../e2e/gateway-client.js';
import { documentFor, mutationShapes, probesFor, queryShape, withValue, type MutationShape, type Probe } from './inputs/mutation-probes.js';
import { createProberObjects, freshResetToken, validArguments, type ProberObjects } from './inputs/valid-arguments.js';
import { startSecuritySystem, type SecuritySystem, type SignedInUser } from './test/security-system.js';

interface Answer { status: number; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; field?: string; currentVersion?: number } }[] } }

describe('malformed and oversized inputs on every mutation (and exportJournal)', () => {
  let sys: SecuritySystem;
  let prober: GatewayClient;
  let token: string;
  let objects: ProberObjects;
  let shapes: MutationShape[];
  let probes: Probe[];
  /** Catches identity's reset mails: resetPassword's valid token is a real link's. */
  let mail: SmtpCatcher;
  /** deleteAccount is sent by a throwaway account of its own: a valid one deletes it, never the prober. */
  let deleter: SignedInUser;

  beforeAll(async () => {
    mail = await startSmtpCatcher();
    sys = await startSecuritySystem('security-inputs', { SMTP_URL: mail.url });
    deleter = await sys.register('deleter');
    token = (await issueAccessToken({ userId: randomUUID(), roles: ['user'] }, await loadSigningKeys())).token;
    prober = new GatewayClient(sys.gatewayUrl).withToken(token);
    objects = await createProberObjects(prober);
    const schema = await mutationShapes(sys.anonymous);
    // exportJournal is a query whose arguments make a file: probed with the mutations.
    shapes = [...schema.shapes, await queryShape(sys.anonymous, 'exportJournal')];
    probes = shapes.flatMap((shape) => probesFor(shape, schema.types));
  });
  afterAll(async () => { await sys?.stop(); await mail?.close(); });

  async function post(shape: MutationShape, variables: Record<string, unknown>): Promise<Answer> {
    const caller = shape.name === 'deleteAccount' ? deleter.accessToken : token;
    const res = await fetch(sys.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${caller}` },
      body: JSON.stringify({ query: documentFor(shape), variables }),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  /**
   * Sends `variables`. An earlier accepted probe may have moved the object on: a CONFLICT on a valid
   * expectedVersion is retried once at the current version, so the probed value alone decides the answer.
   * A journal an accepted probe created is deleted again (the free plan keeps 5).
   */
  async function send(shape: MutationShape, variables: Record<string, unknown>): Promise<Answer> {
    // A reset link is single-use: each send that reaches identity with the valid token gets a fresh one (a
    // non-string newPassword is refused by GraphQL's own checks and needs none). At most 10 requests an hour
    // from one client: the control and the four string probes of newPassword mint 5.
    if (shape.name === 'resetPassword' && variables['token'] === freshResetToken) {
      variables = { ...variables, token: typeof variables['newPassword'] === 'string' ? await mintResetToken() : 'A'.repeat(43) };
    }
    let answer = await post(shape, variables);
    const conflict = answer.body.errors?.[0]?.extensions;
    const id = variables['id'];
    if (conflict?.code === 'CONFLICT' && typeof conflict.currentVersion === 'number' && typeof id === 'string' && objects.versions.has(id)
      && variables['expectedVersion'] === objects.versions.get(id)) {
      objects.versions.set(id, conflict.currentVersion);
      answer = await post(shape, { ...variables, expectedVersion: conflict.currentVersion });
    }
    if (shape.name === 'createJournal' && answer.body.data?.['createJournal']) {
      const { consistencyToken } = answer.body.data['createJournal'] as { consistencyToken: string };
      const { journals } = await prober.data<{ journals: { edges: { node: { id: string } }[] } }>(
        '{ journals(first: 50) { edges { node { id } } } }', {}, { 'x-consistent-with': consistencyToken });
      for (const { node } of journals.edges.filter((e) => e.node.id !== objects.journalId)) {
        await prober.data('mutation ($id: ID!) { deleteJournal(id: $id) { id } }', { id: node.id });
      }
    }
    return answer;
  }

  /** The token of a reset link mailed to a new throwaway account (at most 3 mails an hour per address). */
  async function mintResetToken(): Promise<string> {
    const user = await sys.register('reset');
    const asked = await sys.anonymous.data<{ requestPasswordReset: boolean }>('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
    expect(asked).toEqual({ requestPasswordReset: true });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const caught = mail.messages.find((m) => m.to.includes(user.email));
      const token = /token=([A-Za-z0-9_-]{43})/.exec(`${caught?.parsed.text ?? ''} ${caught?.parsed.html || ''}`)?.[1];
      if (token) return token;
      if (Date.now() > deadline) throw new Error(`no reset mail with a token for ${user.email}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('has valid arguments for every mutation, each accepted as they are (the control)', async () => {
    // Deletes come last (the final test): the probes aim at the objects they would delete. login's valid
    // arguments name no account (its every answer is "invalid email or password"); refreshSession has none.
    // deleteAccount is a delete too: its valid arguments (the deleter's password) go last, with the others.
    const refused: string[] = [];
    for (const shape of shapes.filter((s) => !isDelete(s) && !/^(refreshSession|login)$/.test(s.name))) {
      const answer = await send(shape, validArguments(shape.name, objects));
      if (answer.body.errors) refused.push(`${shape.name}: ${JSON.stringify(answer.body.errors)}`);
    }
    expect(refused).toEqual([]);
    expect(probes.length).toBeGreaterThan(200);
  });

  it('answers every hostile value clearly: BAD_USER_INPUT naming the field, or accepted; never a 500', async () => {
    const unclear: string[] = [];
    for (const probe of probes) {
      const shape = shapes.find((s) => s.name === probe.mutation)!;
      const answer = await send(shape, withValue(validArguments(probe.mutation, objects), probe.path, probe.value));
      const verdict = judge(probe, answer);
      if (verdict) unclear.push(`${probe.mutation}(${probe.path.join('.')}) ← ${probe.label}: ${verdict}`);
    }
    expect(unclear).toEqual([]);
  });

  it('is still up and serving the prober afterwards: every delete with valid arguments is accepted', async () => {
    expect(await sys.gatewayAnswers()).toBe(true);
    expect(await prober.data<{ journal: { id: string } | null }>('query ($id: ID!) { journal(id: $id) { id } }', { id: objects.journalId }))
      .toEqual({ journal: { id: objects.journalId } });
    // Entries before their journal.
    for (const shape of shapes.filter(isDelete).sort((a, b) => Number(a.name === 'deleteJournal') - Number(b.name === 'deleteJournal'))) {
      const answer = await send(shape, validArguments(shape.name, objects));
      expect(answer.body.errors, shape.name).toBeUndefined();
    }
  });
});

const isDelete = (shape: MutationShape) => /^(delete|cancel)[A-Z]/.test(shape.name);

/** Why an answer to a probe is not a clear one, or undefined when it is. */
function judge(probe: Probe, answer: Answer): string | undefined {
  const error = answer.body.errors?.[0];
  const text = JSON.stringify(answer.body);
  if (answer.status >= 500) return `HTTP ${answer.status} ${text.slice(0, 300)}`;
  if (/at .+\.(ts|js):\d+|node_modules|stack/i.test(text)) return `internals in the answer: ${text.slice(0, 300)}`;
  if (!error) return probe.expect === 'refused' ? `accepted: ${text.slice(0, 200)}` : undefined;
  const code = error.extensions?.code;
  const leaf = probe.path[probe.path.length - 1]!;
  // A body over a service's limit (identity's is 64 KiB: sign-in inputs are small) is refused as such.
  if (code === 'PAYLOAD_TOO_LARGE') return undefined;
  // Sign-in says nothing else about what was wrong: no hint for guessing accounts.
  if (probe.mutation === 'login' && code === 'UNAUTHENTICATED' && error.message === 'invalid email or password') return undefined;
  if (code === 'BAD_USER_INPUT') {
    // The field a client must fix: named in extensions.field, or (GraphQL's own type checks) in the message.
    const named = error.extensions?.field?.split('.').pop() === leaf || error.message.includes(`"${leaf}"`) || error.message.includes(`$${probe.path[0]}`);
    return named ? undefined : `BAD_USER_INPUT without the field ${leaf}: ${text.slice(0, 300)}`;
  }
  // An id that names nothing of the caller's is "not found"; a version that is not the current one, a conflict.
  if (probe.expect === 'either' && (code === 'NOT_FOUND' || code === 'CONFLICT')) return undefined;
  return `${code ?? 'no code'}: ${text.slice(0, 300)}`;
}
