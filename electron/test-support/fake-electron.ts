/**
 * A stand-in for the electron module in unit tests (the binary cannot run on CI machines): just
 * enough behaviour for main's logic, and a record of every call a test asserts on.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { ElectronApi } from '../main/electron-api';

type Handler = (...args: unknown[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void { this.defaultPrevented = true; }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  url = '';
  reloads = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void { this.windowOpenHandler = handler; }
  getURL(): string { return this.url; }
  reload(): void { this.reloads++; }
  /** Emits a navigation event the way Electron does; answers whether a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loads: string[] = [];
  bounds: Rectangle;
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> { this.loads.push(url); this.webContents.url = url; }
  getNormalBounds(): Rectangle { return { ...this.bounds }; }
  setBounds(bounds: Rectangle): void { this.bounds = bounds; this.emit('resize'); }
  isMaximized(): boolean { return this.maximized; }
  maximize(): void { this.maximized = true; this.emit('maximize'); }
  isMinimized(): boolean { return this.minimized; }
  minimize(): void { this.minimized = true; }
  restore(): void { this.minimized = false; }
  isFullScreen(): boolean { return false; }
  isVisible(): boolean { return this.visible; }
  show(): void { this.visible = true; }
  focus(): void { this.focused = true; }
  isDestroyed(): boolean { return this.destroyed; }
  close(): void {
    this.emit('close', new FakeEvent());
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends EventEmitter {
  quitRequests = 0;
  /** Resolves when a quit went through (no before-quit listener prevented it). */
  readonly quitted: Promise<void>;
  private markQuitted!: () => void;
  constructor(readonly userData: string, readonly gotLock = true) {
    super();
    this.quitted = new Promise((resolve) => { this.markQuitted = resolve; });
  }
  requestSingleInstanceLock(): boolean { return this.gotLock; }
  async whenReady(): Promise<void> {}
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app: no path ${name}`);
    return this.userData;
  }
  getName(): string { return 'case-sync-lab'; }
  quit(): void {
    this.quitRequests++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.markQuitted();
  }
  exit(): void { this.markQuitted(); }
}

export class FakeSession {
  headersListener: Handler | undefined;
  permissionRequestHandler: Handler | undefined;
  permissionCheckHandler: Handler | undefined;
  readonly webRequest = { onHeadersReceived: (listener: Handler) => { this.headersListener = listener; } };
  setPermissionRequestHandler(handler: Handler): void { this.permissionRequestHandler = handler; }
  setPermissionCheckHandler(handler: Handler): void { this.permissionCheckHandler = handler; }
}

export interface FakeElectron {
  api: ElectronApi;
  app: FakeApp;
  session: FakeSession;
  ipcHandlers: Map<string, Handler>;
  menu: { template?: unknown[] };
  errors: { title: string; message: string }[];
  external: string[];
  openedPaths: string[];
  /** Answers for the next showOpenDialog calls (undefined: the user cancels). */
  folderAnswers: (string | undefined)[];
  /** Button index for the next showMessageBox calls (default 0: Cancel). */
  messageAnswers: number[];
}

export function createFakeElectron(options: { userData: string; gotLock?: boolean }): FakeElectron {
  FakeBrowserWindow.instances = [];
  const app = new FakeApp(options.userData, options.gotLock ?? true);
  const session = new FakeSession();
  const fake: Omit<FakeElectron, 'api'> = {
    app, session, ipcHandlers: new Map(), menu: {}, errors: [], external: [], openedPaths: [], folderAnswers: [], messageAnswers: [],
  };
  const api = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => { fake.menu.template = menu.template; },
    },
    dialog: {
      showOpenDialog: async () => {
        const answer = fake.folderAnswers.shift();
        return answer === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] };
      },
      showMessageBox: async () => ({ response: fake.messageAnswers.shift() ?? 0, checkboxChecked: false }),
      showErrorBox: (title: string, message: string) => { fake.errors.push({ title, message }); },
    },
    shell: {
      openExternal: async (url: string) => { fake.external.push(url); },
      openPath: async (path: string) => { fake.openedPaths.push(path); return ''; },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => { fake.ipcHandlers.set(channel, handler); },
      removeHandler: (channel: string) => { fake.ipcHandlers.delete(channel); },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: { defaultSession: session },
  };
  return { ...fake, api: api as unknown as ElectronApi };
}
