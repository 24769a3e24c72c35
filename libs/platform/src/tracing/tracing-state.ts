/**
 * Whether this process exports traces. Every span helper checks it first, so with tracing off (the
 * default) no span, context or carrier object is ever created: the cost is one boolean read.
 */
let enabled = false;

export function tracingEnabled(): boolean {
  return enabled;
}

export function markTracingEnabled(on: boolean): void {
  enabled = on;
}
