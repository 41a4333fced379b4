#!/usr/bin/env node
// `npm run lab -- <command>` and the `case-sync-lab` bin. Runs the CLI from one bundle that esbuild
// makes from the TypeScript sources (out/cli/case-sync-lab.mjs), rebuilt whenever a source is newer:
// starting from the bundle takes a fraction of what tsx needs to compile ~300 files on every start
// (issue 5: `serve` ready in under 1 s; figures in docs/performance.md). Without esbuild, or with
// CASE_SYNC_LAB_NO_BUNDLE=1, it runs the sources through tsx as before.
import { readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'lab', 'cli', 'run.ts');
const bundle = join(root, 'out', 'cli', 'case-sync-lab.mjs');
const SOURCES = ['lab', 'engine', 'mock-creatio', 'fake-chat', 'contract'];

/** Newest modification time of the sources the bundle is made from (tests excluded). */
function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(join(root, dir));
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

/** Builds into a temp file then renames it: parallel launches never read a half-written bundle. */
async function buildBundle() {
  const { build } = await import('esbuild');
  const temp = `${bundle}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [entry], outfile: temp, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', sourcemap: 'inline', logLevel: 'silent',
  });
  renameSync(temp, bundle);
}

async function runFromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

if (process.env.CASE_SYNC_LAB_NO_BUNDLE === '1') {
  await runFromSources();
} else {
  let ready = bundleIsFresh();
  if (!ready) {
    try {
      await buildBundle();
      ready = true;
    } catch (error) {
      process.stderr.write(`note: could not bundle the CLI (${error?.message ?? error}); running from the sources\n`);
    }
  }
  if (ready) await import(pathToFileURL(bundle).href);
  else await runFromSources();
}
