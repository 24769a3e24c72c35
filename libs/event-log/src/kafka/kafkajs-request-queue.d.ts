// kafkajs ships no types for its internal modules; this is the part of RequestQueue kafka-idle-timers.ts touches.
declare module 'kafkajs/src/network/requestQueue/index.js' {
  const RequestQueue: {
    prototype: {
      readonly pending: readonly unknown[];
      scheduleCheckPendingRequests(): void;
    };
  };
  export default RequestQueue;
}
