/**
 * The browser build of the window (renderer/ → out/web): the same bundle Electron shows, served by the
 * Lab API server at `/` (startLab({ uiDir: 'out/web' })). The built page carries a strict Content
 * Security Policy in a <meta> tag, so a plain browser enforces what Electron's header enforces: no inline
 * script, no eval, no inline style, requests to its own origin only. Dev servers are not used (the UI
 * must share the Lab API's origin), so the policy is added at build time only.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** The window's policy; electron/main/security.ts sends the same one as a header. */
export const RENDERER_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "frame-src 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'case-sync-lab-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: path('./renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: path('./out/web'),
    emptyOutDir: true,
    // No inlined assets: data: URLs for scripts would need a looser policy.
    assetsInlineLimit: 0,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
