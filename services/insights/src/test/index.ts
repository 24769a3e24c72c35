// Test doubles other projects' tests may use (`@mindflow/insights/testing`): the local Messages API, which lives
// in `@mindflow/testing` (the notifications service's weekly reflections are tested against it too).
export { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedReply } from '@mindflow/testing';
