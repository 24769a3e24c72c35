export { traceContextOf, withTraceContext } from './event-trace-context.js';
