// Monaco runs language services in web workers. They are bundled beside this script (the build writes their
// hashed names into __PLAYGROUND_WORKERS__), loaded from this origin: the CSP's worker-src is 'self'.

declare const __PLAYGROUND_WORKERS__: Record<'editor' | 'json' | 'graphql', string>;

export function setUpMonacoWorkers(): void {
  const workerUrl = (name: keyof typeof __PLAYGROUND_WORKERS__) => new URL(__PLAYGROUND_WORKERS__[name], import.meta.url);
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === 'json') return new Worker(workerUrl('json'));
      if (label === 'graphql') return new Worker(workerUrl('graphql'));
      return new Worker(workerUrl('editor'));
    },
  };
}
