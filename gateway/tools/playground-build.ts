// `npm run build:playground -w @mindflow/gateway [-- --force]`: bundles the playground into
// gateway/dist/playground/ unless it is up to date (also part of `nx build`, and run by `npm start`).
import { ensurePlaygroundBundle } from './playground-bundle.js';

const result = await ensurePlaygroundBundle({ force: process.argv.includes('--force') });
if (!result.built) console.log(`playground: up to date in gateway/dist/playground (${result.files} files, ${(result.bytes / 2 ** 20).toFixed(1)} MiB)`);
