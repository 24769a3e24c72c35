import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, loadConfig, modeSchema, port } from './config.js';

const schema = z.object({ MINDFLOW_MODE: modeSchema, GATEWAY_PORT: port(4000), KAFKA_BROKERS: z.string().min(1) });

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = loadConfig(schema, { KAFKA_BROKERS: 'a:1', GATEWAY_PORT: '4100' });
    expect(config).toEqual({ MINDFLOW_MODE: 'embedded', GATEWAY_PORT: 4100, KAFKA_BROKERS: 'a:1' });
  });

  it('lists every bad variable at once', () => {
    const attempt = () => loadConfig(schema, { MINDFLOW_MODE: 'cloud', GATEWAY_PORT: 'x' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/MINDFLOW_MODE/);
      expect(problems).toMatch(/GATEWAY_PORT/);
      expect(problems).toMatch(/KAFKA_BROKERS/);
    }
  });
});
