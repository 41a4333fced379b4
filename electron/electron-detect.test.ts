import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectElectron } from '../scripts/electron-detect.mjs';

let root: string;
const electronDir = () => join(root, 'node_modules', 'electron');
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'csl-detect-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function installPackage(pathTxt?: string, binary?: string): Promise<void> {
  await mkdir(join(electronDir(), 'dist'), { recursive: true });
  await writeFile(join(electronDir(), 'package.json'), '{"name":"electron","version":"45.4.1"}');
  if (pathTxt !== undefined) await writeFile(join(electronDir(), 'path.txt'), pathTxt);
  if (binary) {
    await writeFile(join(electronDir(), 'dist', binary), '#!/bin/sh\n');
    await chmod(join(electronDir(), 'dist', binary), 0o755);
  }
}

describe('detectElectron (never requires electron)', () => {
  it('says the package is missing', () => {
    expect(detectElectron({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/not installed/) });
  });

  it('says the binary was never downloaded when path.txt is missing (these build machines)', async () => {
    await installPackage();
    expect(detectElectron({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/path\.txt is missing/) });
  });

  it('says so when path.txt names a file that is not there', async () => {
    await installPackage('electron');
    expect(detectElectron({ root, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/dist\/electron, which does not exist/) });
  });

  it('finds the binary named by path.txt under dist/', async () => {
    await installPackage('electron', 'electron');
    expect(detectElectron({ root, env: {} })).toEqual({ found: true, path: join(electronDir(), 'dist', 'electron'), source: 'path.txt' });
  });

  it('honours ELECTRON_EXEC_PATH first, and checks it', async () => {
    await installPackage('electron', 'electron');
    const custom = join(root, 'my-electron');
    await writeFile(custom, '');
    expect(detectElectron({ root, env: { ELECTRON_EXEC_PATH: custom } })).toEqual({ found: true, path: custom, source: 'ELECTRON_EXEC_PATH' });
    expect(detectElectron({ root, env: { ELECTRON_EXEC_PATH: join(root, 'nope') } })).toEqual({ found: false, reason: expect.stringMatching(/ELECTRON_EXEC_PATH is set/) });
  });
});
