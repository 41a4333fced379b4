/**
 * The preload (sandboxed, context-isolated): exposes `window.caseSyncLab` and nothing else. Built as
 * CommonJS (electron.vite.config.ts) because sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from '../shared/ipc-channels';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_NAME, createBridge({
  invoke: (channel) => ipcRenderer.invoke(channel),
  argv: process.argv,
  platform: process.platform,
}));
