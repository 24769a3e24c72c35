import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisFailedError } from '../../application/entry-analyzer.js';
import { capturedLog } from '../../test/captured-log.js';
import { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi } from '@mindflow/testing';
import { createClaudeEntryAnalyzer, type ClaudeAnalyzerOptions } from './claude-entry-analyzer.js';

// The real @anthropic-ai/sdk against a local server that speaks the Messages API.
describe('the Claude analyzer (real SDK, local Messages API)', () => {
  let api: FakeMessagesApi;
  const entry = { title: 'Tuesday', content: 'A secret line about my tough week at the office.' };

  beforeAll(async () => {
    api = await startFakeMessagesApi();
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  function analyzer(options: Partial<ClaudeAnalyzerOptions> = {}) {
    const waits: number[] = [];
    const logged = capturedLog();
    const claude = createClaudeEntryAnalyzer({
      apiKey: 'test-key',
      baseURL: api.url,
      model: 'claude-test-model',
      log: logged.log,
      random: () => 0.5,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      ...options,
    });
    return { claude, waits, logs: logged.text };
  }

  async function failureOf(promise: Promise<unknown>): Promise<AnalysisFailedError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AnalysisFailedError);
    return error as AnalysisFailedError;
  }

  it('answers the validated analysis, with the configured model and a prompt built from the entry only', async () => {
    const { claude } = analyzer();
    api.script({ kind: 'analysis', body: { ...defaultFakeAnalysis, sentiment: -0.25 } });
    await expect(claude.analyze(entry)).resolves.toEqual({ ...defaultFakeAnalysis, sentiment: -0.25, analysed: true });
    expect(claude.name).toBe('claude-test-model');
    const [request] = api.requests;
    // the key travels as x-api-key or a bearer token, depending on the SDK's version
    expect([request?.headers['x-api-key'], request?.headers.authorization]).toContainEqual(expect.stringMatching(/^(Bearer )?test-key$/));
    expect(request?.body.model).toBe('claude-test-model');
    expect(request?.body.messages).toEqual([{ role: 'user', content: `Title: Tuesday\n\n<entry>\n${entry.content}\n</entry>` }]);
  });

  it('accepts JSON inside a code fence', async () => {
    const { claude } = analyzer();
    api.script({ kind: 'text', text: '```json\n' + JSON.stringify(defaultFakeAnalysis) + '\n```' });
    await expect(claude.analyze(entry)).resolves.toEqual({ ...defaultFakeAnalysis, analysed: true });
  });

  it('refuses malformed output (not JSON, or out of range) without retrying', async () => {
    const { claude } = analyzer();
    api.script({ kind: 'text', text: 'I think the entry is nice.' });
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'malformed-reply', attempts: 1 });
    api.script({ kind: 'analysis', body: { ...defaultFakeAnalysis, sentiment: 3 } });
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'malformed-reply', attempts: 1 });
    expect(api.requests).toHaveLength(2);
  });

  it('waits as long as retry-after says after a 429, then succeeds', async () => {
    const { claude, waits } = analyzer();
    api.script({ kind: 'status', status: 429, retryAfter: '2' }, { kind: 'analysis', body: defaultFakeAnalysis });
    await expect(claude.analyze(entry)).resolves.toEqual({ ...defaultFakeAnalysis, analysed: true });
    expect(waits).toEqual([2_000]);
    expect(api.requests).toHaveLength(2);
  });

  it('gives up on a retry-after longer than it is willing to wait', async () => {
    const { claude, waits } = analyzer({ retry: { maxRetryAfterMs: 1_000 } });
    api.script({ kind: 'status', status: 429, retryAfter: '60' });
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'rate-limited', attempts: 1 });
    expect(waits).toEqual([]);
  });

  it('retries a 500 with exponential backoff and jitter, and gives up after the last attempt', async () => {
    const { claude, waits } = analyzer({ retry: { maxAttempts: 3, baseDelayMs: 100 } });
    api.script({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'http-500', attempts: 3 });
    // full jitter with random() = 0.5: three quarters of 100 · 2^(n−1)
    expect(waits).toEqual([75, 150]);
    expect(api.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    const { claude } = analyzer();
    api.script({ kind: 'status', status: 500 }, { kind: 'analysis', body: defaultFakeAnalysis });
    await expect(claude.analyze(entry)).resolves.toEqual({ ...defaultFakeAnalysis, analysed: true });
  });

  it('times out a call that never answers', async () => {
    const { claude } = analyzer({ timeoutMs: 300, retry: { maxAttempts: 2 } });
    api.script({ kind: 'hang' }, { kind: 'hang' });
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'timeout', attempts: 2 });
  });

  it('opens the circuit after repeated failures and stops calling until it half-opens', async () => {
    let clock = 0;
    const { claude } = analyzer({ retry: { maxAttempts: 1 }, breaker: { failureThreshold: 2, openMs: 10_000 }, now: () => clock });
    api.script({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    await failureOf(claude.analyze(entry));
    await failureOf(claude.analyze(entry));
    expect(claude.breakerState().kind).toBe('open');
    expect(await failureOf(claude.analyze(entry))).toMatchObject({ reason: 'circuit-open' });
    expect(api.requests).toHaveLength(2);
    clock = 10_000;
    await expect(claude.analyze(entry)).resolves.toEqual({ ...defaultFakeAnalysis, analysed: true });
    expect(claude.breakerState().kind).toBe('closed');
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    const slowApi = await startFakeMessagesApi();
    try {
      const { claude } = analyzer({ baseURL: slowApi.url, concurrency: 2 });
      slowApi.script(...Array.from({ length: 6 }, () => ({ kind: 'analysis' as const, body: defaultFakeAnalysis, delayMs: 100 })));
      await Promise.all(Array.from({ length: 6 }, () => claude.analyze(entry)));
      expect(slowApi.requests).toHaveLength(6);
      expect(slowApi.maxConcurrent()).toBe(2);
    } finally {
      await slowApi.close();
    }
  });

  it('never logs the entry', async () => {
    const { claude, logs } = analyzer({ retry: { maxAttempts: 2 } });
    api.script({ kind: 'status', status: 500 }, { kind: 'text', text: 'not json' });
    await failureOf(claude.analyze(entry));
    expect(logs()).toContain('Claude call failed');
    expect(logs()).not.toContain('secret line');
  });
});
