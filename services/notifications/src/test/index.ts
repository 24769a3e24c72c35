// What other packages' tests (and the embedded mail catcher, tools/src/mail-catcher) import: `@mindflow/notifications-service/testing`.
export { startSmtpCatcher, type CaughtMail, type SmtpCatcher, type SmtpCatcherOptions } from './smtp-catcher.js';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.js';
// The fault drills' notifications crash (tools/src/drills/notifications-crash.ts): reminders scheduled straight into
// the notifications DB, and how often each fired.
export { firingCounts, scheduleReminders, type ScheduledReminder } from './schedule-db.js';
