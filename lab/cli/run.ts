// The CLI's process entry: `npm run lab -- <command>` and bin/case-sync-lab.mjs land here.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
