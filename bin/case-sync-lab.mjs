#!/usr/bin/env node
// Global entry point (`npm i -g` / `npx case-sync-lab`): the same launcher as `npm run lab`.
import '../scripts/lab.mjs';
