/** Types of scripts/electron-detect.mjs (a plain .mjs so `npm start` can run it without tsx). */
export type ElectronDetection =
  | { found: true; path: string; source: 'ELECTRON_EXEC_PATH' | 'path.txt' }
  | { found: false; reason: string };

/** Finds the Electron binary without require('electron') (which would try to download it). */
export function detectElectron(options?: { root?: string; env?: Record<string, string | undefined> }): ElectronDetection;
