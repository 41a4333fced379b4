/**
 * A minimal Creatio OData 4 client, written the way a real integration talks to Creatio
 * (reference/creatio-api.md §1.2, §2): the conformance tests use only this and plain fetch.
 */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function send(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface CreatioClient {
  /** Headers that authenticate a request (bearer token, or cookies + BPMCSRF). */
  authHeaders(): Record<string, string>;
  get(path: string): Promise<Reply>;
  post(path: string, body: unknown): Promise<Reply>;
  patch(path: string, body: unknown): Promise<Reply>;
  delete(path: string): Promise<Reply>;
  /** Any request below `${site}/0/odata/`, with auth headers added. */
  request(path: string, init?: RequestInit): Promise<Reply>;
}

/** Signs in with OAuth 2.0 client credentials and returns a client using the bearer token. */
export async function oauthClient(site: string, clientId = 'case-sync-lab', secret = 'lab-client-secret-change-me'): Promise<CreatioClient> {
  const reply = await send(`${site}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  if (reply.status !== 200) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
  const token = reply.json.access_token as string;
  return makeClient(site, () => ({ Authorization: `Bearer ${token}` }));
}

/** Signs in with forms auth (AuthService.svc/Login) and returns a client sending cookies + BPMCSRF. */
export async function formsClient(site: string, userName = 'Supervisor', password = 'Supervisor'): Promise<CreatioClient> {
  const session = await formsLogin(site, userName, password);
  return makeClient(site, () => ({ Cookie: session.cookieHeader, BPMCSRF: session.csrf }));
}

export async function formsLogin(site: string, userName: string, password: string, path = '/ServiceModel/AuthService.svc/Login') {
  const reply = await send(`${site}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8', ForceUseSession: 'true' },
    body: JSON.stringify({ UserName: userName, UserPassword: password }),
  });
  const cookies = new Map<string, string>();
  for (const line of reply.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  const cookieHeader = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { reply, cookies, cookieHeader, csrf: cookies.get('BPMCSRF') ?? '', setCookie: reply.headers.getSetCookie() };
}

function makeClient(site: string, auth: () => Record<string, string>): CreatioClient {
  const base = `${site}/0/odata/`;
  const request = (path: string, init: RequestInit = {}) =>
    send(`${base}${path}`, { ...init, headers: { Accept: 'application/json', ...auth(), ...(init.headers as Record<string, string> | undefined) } });
  const withBody = (method: string) => (path: string, body: unknown) =>
    request(path, {
      method,
      headers: { 'Content-Type': 'application/json; charset=utf-8; IEEE754Compatible=true', ForceUseSession: 'true' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    authHeaders: auth,
    get: (path) => request(path),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    delete: (path) => request(path, { method: 'DELETE' }),
    request,
  };
}

/** `encodeURIComponent` for OData query values, keeping `$`, `,`, `(` and `)` readable. */
export function q(text: string): string {
  return encodeURIComponent(text).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%28/g, '(').replace(/%29/g, ')');
}
