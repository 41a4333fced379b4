/**
 * Electron's security checklist for the one window (https://www.electronjs.org/docs/latest/tutorial/security):
 * isolated, sandboxed renderer without Node; a strict CSP on the lab's pages; no new windows; no
 * navigation away from the lab; no permissions but one (see `permissionAllowed`). The lab's origin
 * changes when the lab restarts on another workspace (new port), so every check reads it live.
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { VERSION_SWITCH } from '../shared/ipc-channels';

/**
 * The CSP for every response of the lab's origin. The built renderer (Vite) needs no inline script
 * and no eval; `data:` images and fonts because Vite inlines small assets as data URIs; no
 * 'unsafe-inline' for styles: React sets `style` props through the CSSOM, which CSP allows (a
 * renderer that injects <style> elements, CSS-in-JS, would need it: docs/desktop.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The window's webPreferences: every value set explicitly, even where it is Electron's default. */
export function secureWebPreferences(options: { preload: string; version: string }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    additionalArguments: [`${VERSION_SWITCH}${options.version}`],
  };
}

/** The origin of a URL (`http://127.0.0.1:5173`), or undefined when it is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

export function isLabUrl(url: string, labOrigin: string | undefined): boolean {
  return labOrigin !== undefined && originOf(url) === labOrigin;
}

/** Only https links leave the app, and only to the default browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The one permission granted: writing text to the clipboard (navigator.clipboard.writeText, which
 * Electron checks as 'clipboard-sanitized-write') for the lab's own page, so the UI's copy buttons
 * (webhook URL, copy as curl) work. Reading the clipboard and everything else stays denied.
 */
export function permissionAllowed(permission: string, requestingUrl: string, labOrigin: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isLabUrl(requestingUrl, labOrigin);
}

/** Adds the CSP to responses from the lab, replacing any the server sent. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

export interface SessionGuardOptions {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;
  labOrigin: () => string | undefined;
}

export function installSessionGuards({ session, labOrigin }: SessionGuardOptions): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isLabUrl(details.url, labOrigin())) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permissionAllowed(permission, contents.getURL(), labOrigin()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin, labOrigin()));
}

export interface ContentsGuardOptions {
  contents: Pick<WebContents, 'setWindowOpenHandler' | 'on'>;
  labOrigin: () => string | undefined;
  openExternal: (url: string) => Promise<void>;
  log: (message: string) => void;
}

/** No new windows, no navigation or redirect away from the lab, no <webview>. */
export function guardWebContents({ contents, labOrigin, openExternal, log }: ContentsGuardOptions): void {
  const sendOut = (url: string): void => {
    if (!isSafeExternalUrl(url)) return log(`Blocked a link to a non-https URL (${originOf(url) ?? 'not a URL'})`);
    openExternal(url).catch((error: unknown) => log(`Could not open ${originOf(url)} in the browser: ${String(error)}`));
  };
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isLabUrl(url, labOrigin())) return;
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (isLabUrl(url, labOrigin())) return;
    event.preventDefault();
    log(`Blocked a redirect away from the lab (to ${originOf(url) ?? 'not a URL'})`);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
