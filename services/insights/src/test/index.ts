// Test doubles other projects' tests may use (`@mindflow/insights/testing`): the local Messages API.
export { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedReply } from './fake-messages-api.js';
