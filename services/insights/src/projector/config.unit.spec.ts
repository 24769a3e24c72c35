import { describe, expect, it } from 'vitest';
import { insightsProjectorConfigSchema } from './config.js';

describe('the insights projector config', () => {
  it('takes an empty ANTHROPIC_API_KEY (compose passes one when unset) as no key: the local analyzer for everyone', () => {
    expect(insightsProjectorConfigSchema.parse({ ANTHROPIC_API_KEY: '' }).ANTHROPIC_API_KEY).toBeUndefined();
    expect(insightsProjectorConfigSchema.parse({}).ANTHROPIC_API_KEY).toBeUndefined();
    expect(insightsProjectorConfigSchema.parse({ ANTHROPIC_API_KEY: 'sk-ant-test' }).ANTHROPIC_API_KEY).toBe('sk-ant-test');
  });
});
