#!/usr/bin/env node
// Is there an Electron binary to run the desktop window? Answered WITHOUT require('electron'): on
// these build machines that require tries to download the binary and throws (toolchain.md). Order:
// ELECTRON_EXEC_PATH (what electron-vite honours too), then node_modules/electron/path.txt, whose
// content is the executable's path inside node_modules/electron/dist/.
//
// CLI: node scripts/electron-detect.mjs [--json]   exit 0 and the path when found, exit 1 and why not.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * @param {{ root?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ found: true, path: string, source: 'ELECTRON_EXEC_PATH' | 'path.txt' } | { found: false, reason: string }}
 */
export function detectElectron(options = {}) {
  const root = options.root ?? ROOT;
  const env = options.env ?? process.env;
  const override = env.ELECTRON_EXEC_PATH?.trim();
  if (override) {
    const path = resolve(root, override);
    return isFile(path)
      ? { found: true, path, source: 'ELECTRON_EXEC_PATH' }
      : { found: false, reason: `ELECTRON_EXEC_PATH is set to ${override}, but no file is there` };
  }
  const moduleDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(moduleDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(moduleDir, 'path.txt');
  if (!isFile(pathFile)) {
    return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const path = join(moduleDir, 'dist', relative);
  return relative && isFile(path)
    ? { found: true, path, source: 'path.txt' }
    : { found: false, reason: `node_modules/electron/path.txt names dist/${relative}, which does not exist` };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const result = detectElectron();
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(result.found ? result.path : `No Electron binary: ${result.reason}`);
  process.exitCode = result.found ? 0 : 1;
}
