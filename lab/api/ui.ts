/**
 * The UI at `/`: the built renderer (issue 6) when `uiDir` is given, else a placeholder page. The
 * page needs no token: the UI reads it from the URL fragment (`/#token=...`), which browsers never
 * send to a server, so the token stays out of requests, logs and history entries sent anywhere.
 */
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/** The docs the placeholder links to, served from the checkout's docs/ folder (public, no token). */
const DOCS = { 'lab-api.md': 'text/markdown; charset=utf-8', 'openapi.json': 'application/json' } as const;
const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));

const PLACEHOLDER = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Case Sync Lab: the desktop UI is not built yet</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f2f2f2;padding:0 .25rem}</style>
</head>
<body>
<h1>Case Sync Lab</h1>
<p>The desktop UI is not built yet (issue 6). The lab is running: drive it through the Lab API under
<code>/api/</code> with the token the lab printed when it started (<code>Authorization: Bearer &lt;token&gt;</code>).</p>
<ul>
<li><a href="/docs/lab-api.md">docs/lab-api.md</a>: every route with a curl example, the error shape, the event stream</li>
<li><a href="/docs/openapi.json">docs/openapi.json</a>: the OpenAPI 3.1 description</li>
<li><code>GET /api/health</code>: is the API up</li>
</ul>
</body>
</html>
`;

export function uiRouter(uiDir: string | undefined): Router {
  const router = Router();
  // The UI must not be framed by another site (clickjacking), and its page sends no referrer.
  router.use((_req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  router.get('/docs/:file', (req, res, next) => {
    const type = DOCS[req.params.file as keyof typeof DOCS];
    if (!type) return next();
    res.type(type).sendFile(req.params.file, { root: DOCS_DIR }, (error) => error && next());
  });
  if (uiDir) {
    router.use(express.static(uiDir, { index: 'index.html', fallthrough: true }));
    return router;
  }
  router.get('/', (_req, res) => {
    res.type('html').send(PLACEHOLDER);
  });
  return router;
}
