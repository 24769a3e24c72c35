// What other packages' tests (and the embedded mail catcher, tools/src/mail-catcher) import: `@mindflow/notifications-service/testing`.
export { startSmtpCatcher, type CaughtMail, type SmtpCatcher, type SmtpCatcherOptions } from './smtp-catcher.js';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.js';
