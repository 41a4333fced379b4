#!/usr/bin/env node
// Global entry point (`npm i -g` / `npx case-sync-lab`): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../lab/cli/run.ts');
