// `npx tsx tools/src/mail-catcher/main.ts`: the mail catcher on its own (the embedded launcher starts one itself).
import { join } from 'node:path';
import { repoRoot } from '@mindflow/platform';
import { startMailCatcher } from './mail-catcher.js';

const catcher = await startMailCatcher({
  dir: process.env['MAIL_CATCHER_DIR'] ?? join(repoRoot, '.cache', 'mail'),
  smtpPort: Number(process.env['MAIL_CATCHER_SMTP_PORT'] ?? 1025),
  webPort: Number(process.env['MAIL_CATCHER_WEB_PORT'] ?? 1080),
});
console.log(`mail catcher: SMTP ${catcher.smtpUrl}, mail at ${catcher.webUrl} and in ${catcher.dir}`);
const stop = () => void catcher.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
