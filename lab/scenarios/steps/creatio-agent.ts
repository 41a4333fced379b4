/**
 * A support agent at the Creatio site: real HTTP, forms login (AuthService.svc/Login, cookies + the
 * BPMCSRF header, reference/creatio-api.md §2.1), then OData 4 at `/0/odata/` — exactly what a person
 * in Creatio's UI causes, never a shortcut into the simulator. Users and their passwords come from
 * the workspace's site settings (`creatio/site-settings.json`: Supervisor/Supervisor, Alice/Alice123...).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StepFailure } from './step-context';

export interface ODataReply {
  status: number;
  text: string;
  /** Parsed JSON body, undefined when the body is not JSON. */
  json: unknown;
}

export interface CreatioAgent {
  readonly userName: string;
  /** `path` is below `/0/odata/` (`Case?$filter=...`); a JSON body is sent for POST/PATCH. */
  request(method: string, path: string, body?: unknown): Promise<ODataReply>;
}

export interface AgentDirectory {
  /** The agent signed in as `userName` (default Supervisor); signs in on first use. */
  as(userName?: string): Promise<CreatioAgent>;
}

const SiteUsers = z.object({ users: z.array(z.object({ userName: z.string(), password: z.string() })) });

export function createAgentDirectory(options: { siteUrl: string; workspace: string }): AgentDirectory {
  const agents = new Map<string, CreatioAgent>();
  let users: Map<string, string> | undefined;

  async function passwordOf(userName: string): Promise<string> {
    if (!users) {
      const file = join(options.workspace, 'creatio', 'site-settings.json');
      const parsed = SiteUsers.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (!parsed.success) throw new StepFailure(`cannot read the site's users from ${file}`);
      users = new Map(parsed.data.users.map((u) => [u.userName.toLowerCase(), u.password]));
    }
    const password = users.get(userName.toLowerCase());
    if (password === undefined) throw new StepFailure(`no user "${userName}" on the site (users: ${[...users.keys()].join(', ')})`);
    return password;
  }

  return {
    async as(userName = 'Supervisor') {
      const known = agents.get(userName.toLowerCase());
      if (known) return known;
      const agent = createAgent(options.siteUrl, userName, await passwordOf(userName));
      agents.set(userName.toLowerCase(), agent);
      return agent;
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

function createAgent(siteUrl: string, userName: string, password: string): CreatioAgent {
  let session: Session | undefined;

  async function signIn(): Promise<Session> {
    const response = await fetch(`${siteUrl}/ServiceModel/AuthService.svc/Login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', ForceUseSession: 'true' },
      body: JSON.stringify({ UserName: userName, UserPassword: password }),
    });
    const body = await response.text();
    // Creatio answers a failed login with 200 and Code ≠ 0 (reference §2.1).
    const code = safeJson(body) as { Code?: number; Message?: string } | undefined;
    if (response.status !== 200 || (code?.Code ?? 0) !== 0) {
      throw new StepFailure(`signing in to Creatio as ${userName} failed: HTTP ${response.status} ${code?.Message ?? ''}`.trim());
    }
    const cookies = new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf: cookies.get('BPMCSRF') ?? '' };
  }

  async function send(method: string, path: string, body: unknown, current: Session): Promise<ODataReply> {
    const headers: Record<string, string> = { Accept: 'application/json', Cookie: current.cookie, BPMCSRF: current.csrf };
    if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
    const response = await fetch(`${siteUrl}/0/odata/${path.replace(/^\/+/, '')}`, {
      method, headers, redirect: 'manual', ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, text, json: safeJson(text) };
  }

  return {
    userName,
    async request(method, path, body) {
      session ??= await signIn();
      const reply = await send(method, path, body, session);
      // An expired session (401, 403, or the login page's 302 — a site setting): sign in again once, as the UI would.
      if (reply.status !== 401 && reply.status !== 403 && reply.status !== 302) return reply;
      session = await signIn();
      return send(method, path, body, session);
    },
  };
}

function safeJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `encodeURIComponent` for OData query values, keeping `$`, `,`, `(`, `)` and `'` readable in journals. */
export function odataQuery(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%28/g, '(').replace(/%29/g, ')');
}

/** The error message of a Creatio error body, or the status. */
export function odataError(reply: ODataReply): string {
  const body = reply.json as { error?: { message?: string }; Message?: string } | undefined;
  return `HTTP ${reply.status}${body?.error?.message ? `: ${body.error.message}` : body?.Message ? `: ${body.Message}` : ''}`;
}
