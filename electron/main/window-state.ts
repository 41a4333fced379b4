/**
 * The window's size and position between launches: `window-state.json` in userData. A corrupt
 * file, or bounds that no longer land on a display (a monitor was unplugged), fall back to the
 * default size centred on the primary display.
 */
import { join } from 'node:path';
import type { Rectangle } from 'electron';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './json-file';

const Pixels = z.number().int();
const Size = z.number().int().min(200).max(20_000);

export const WindowState = z.object({
  version: z.literal(1),
  bounds: z.object({ x: Pixels, y: Pixels, width: Size, height: Size }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** What the window opens with: no x/y means "centre it". */
export interface InitialWindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

/** The layout is designed to hold at 1280×800 (issue 6). */
export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
/** A window must show at least this much of itself on some display to be reused. */
const MIN_VISIBLE = { width: 120, height: 60 } as const;

export function windowStateFile(userData: string): string {
  return join(userData, 'window-state.json');
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** True when enough of `bounds` lies in the work area of one display. */
export function isVisibleOnSomeDisplay(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const common = overlap(bounds, area);
    return common.width >= MIN_VISIBLE.width && common.height >= MIN_VISIBLE.height;
  });
}

function defaultState(workAreas: readonly Rectangle[]): InitialWindowState {
  const primary = workAreas[0];
  // On a screen smaller than the default, take the work area rather than open half off-screen.
  const width = primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width;
  const height = primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height;
  return { bounds: { width, height }, maximized: false };
}

export interface LoadedWindowState {
  state: InitialWindowState;
  /** Why the saved state was not used (absent when it was). */
  fallbackReason?: string;
}

/** The saved state if it is valid and visible on one of `workAreas` (primary first), else the default. */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): LoadedWindowState {
  const read = readJsonFile(file, WindowState);
  if (!read.ok) return { state: defaultState(workAreas), fallbackReason: read.reason };
  if (!isVisibleOnSomeDisplay(read.value.bounds, workAreas)) {
    return { state: defaultState(workAreas), fallbackReason: `${file}: the saved position is off every display` };
  }
  return { state: { bounds: read.value.bounds, maximized: read.value.maximized } };
}

export function saveWindowState(file: string, state: Omit<WindowState, 'version'>): void {
  writeJsonFile(file, { version: 1, bounds: state.bounds, maximized: state.maximized } satisfies WindowState);
}
