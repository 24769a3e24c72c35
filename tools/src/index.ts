export * from './system/index.js';
export { startMailCatcher, type MailCatcher, type MailCatcherOptions } from './mail-catcher/mail-catcher.js';
