// The SMTP catcher lives in @mindflow/testing (identity's reset mails are caught by it too); kept here under its old
// name for the notifications tests and the embedded mail catcher.
export { startSmtpCatcher, type CaughtMail, type SmtpCatcher, type SmtpCatcherOptions } from '@mindflow/testing';
