/**
 * `/api/creatio/odata/*` → the simulated site's `/0/odata/*`, signed in as a Creatio user
 * (Supervisor). The UI is served from the Lab API's origin, not the site's, and must never hold a
 * Creatio password or session: the lab signs in once (forms login, cookies + BPMCSRF, reference/
 * creatio-api.md §2.1), keeps the session for this lab, signs in again when it expires, and passes
 * the site's status and body through unchanged. The session's cookies never reach the browser.
 */
import { Router, type Request, type Response } from 'express';
import { ODataWriteBody } from '../../contract';
import type { Lab } from '../lab.types';
import { createAgentDirectory, type AgentDirectory, type CreatioAgent } from '../scenarios/steps/creatio-agent';
import { ApiError, parseBody } from './api-error';

const PREFIX = '/creatio/odata';
const METHODS = new Set(['GET', 'POST', 'PATCH', 'DELETE']);

export interface ODataProxyOptions {
  /** The Creatio user the UI acts as (default Supervisor); the password comes from the site's users. */
  userName?: string;
}

export function odataProxyRouter(lab: Lab, options: ODataProxyOptions = {}): Router {
  const router = Router();
  const userName = options.userName ?? 'Supervisor';
  let directory: AgentDirectory | undefined;

  async function agent(): Promise<CreatioAgent> {
    directory ??= createAgentDirectory({ siteUrl: lab.site.url, workspace: lab.workspace });
    return directory.as(userName);
  }

  router.all(`${PREFIX}{/*path}`, async (req: Request, res: Response) => {
    if (!METHODS.has(req.method)) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `The OData proxy forwards GET, POST, PATCH and DELETE, not ${req.method}`);
    }
    const body = req.method === 'POST' || req.method === 'PATCH' ? parseBody(ODataWriteBody, req.body) : undefined;
    // req.url is relative to /api: keep the raw path and query string exactly as the UI wrote them.
    const path = req.url.slice(PREFIX.length).replace(/^\/+/, '');
    let reply;
    try {
      reply = await (await agent()).request(req.method, path, body);
    } catch (error) {
      // A failed sign-in (a changed password, a site that is down): read the users again next time.
      directory = undefined;
      throw new ApiError(502, 'CREATIO_UNREACHABLE', `The Creatio site did not answer ${req.method} /0/odata/${path.split('?')[0]} as ${userName}: ${(error as Error).message}`);
    }
    if (reply.text === '') return void res.status(reply.status).end();
    res.status(reply.status).type(reply.json === undefined ? 'text/plain' : 'application/json').send(reply.text);
  });
  return router;
}
