import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { SiteSettings } from '../site-settings';
import type { CredentialStore } from './credential-store';
import { type RandomBytes, randomToken, secretsEqual } from './secrets';

/**
 * The simulated Identity Service: OAuth 2.0 client credentials (reference/creatio-api.md §2.2). Errors use
 * the IdentityServer / RFC 6749 §5.2 shape `{"error":"..."}` with 400 (reference unknown #4: UNCONFIRMED).
 */

interface OAuthDeps {
  settings: () => SiteSettings;
  now: () => number;
  randomBytes: RandomBytes;
  store: CredentialStore;
}

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type';

class TokenRequestError extends Error {
  constructor(readonly error: OAuthError) {
    super(error);
  }
}

interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined with ':' and base64-encoded. */
function basicCredentials(header: string | undefined): ClientCredentials | undefined {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new TokenRequestError('invalid_request');
  try {
    const formDecode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw new TokenRequestError('invalid_request');
  }
}

/** Reads the form whether our parser kept it raw or the host app already parsed it. */
function formFields(body: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (typeof body === 'string') {
    for (const [key, value] of new URLSearchParams(body)) {
      // RFC 6749 §3.2: a parameter must not be repeated.
      if (fields.has(key)) throw new TokenRequestError('invalid_request');
      fields.set(key, value);
    }
  } else if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) {
      if (typeof value !== 'string') throw new TokenRequestError('invalid_request');
      fields.set(key, value);
    }
  }
  return fields;
}

function clientCredentials(req: Request, fields: Map<string, string>): ClientCredentials {
  const basic = basicCredentials(req.headers.authorization);
  const bodyId = fields.get('client_id');
  const bodySecret = fields.get('client_secret');
  if (basic) {
    // RFC 6749 §2.3: one authentication method per request; a body client_id may only repeat the Basic one.
    if (bodySecret !== undefined || (bodyId !== undefined && bodyId !== basic.clientId)) {
      throw new TokenRequestError('invalid_request');
    }
    return basic;
  }
  if (!bodyId || bodySecret === undefined) throw new TokenRequestError('invalid_request');
  return { clientId: bodyId, clientSecret: bodySecret };
}

function issueToken(deps: OAuthDeps, req: Request, res: Response): void {
  if (!req.is('application/x-www-form-urlencoded')) throw new TokenRequestError('invalid_request');
  const fields = formFields(req.body);
  const grantType = fields.get('grant_type');
  if (!grantType) throw new TokenRequestError('invalid_request');
  const credentials = clientCredentials(req, fields);
  const settings = deps.settings();
  const client = settings.oauthClients.find((c) => c.clientId === credentials.clientId);
  // Check the secret even for an unknown client, so timing does not reveal which client ids exist.
  const secretOk = secretsEqual(client?.clientSecret ?? '\u0000no-such-client', credentials.clientSecret);
  if (!client || !secretOk || !client.active) throw new TokenRequestError('invalid_client');
  // IdentityServer authenticates the client before it looks at the grant type.
  if (grantType !== 'client_credentials') throw new TokenRequestError('unsupported_grant_type');

  const accessToken = randomToken(deps.randomBytes, 32);
  const lifetime = settings.tokenLifetimeSeconds;
  deps.store.issueToken(accessToken, {
    userName: client.systemUserName,
    clientId: client.clientId,
    expiresAt: deps.now() + lifetime * 1000,
  });
  // No "scope" member: its presence in Creatio's answer is UNCONFIRMED (reference §2.2).
  res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
  res.status(200).json({ access_token: accessToken, expires_in: lifetime, token_type: 'Bearer' });
}

function discoveryDocument(deps: OAuthDeps, req: Request) {
  const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  return {
    issuer: origin,
    token_endpoint: `${origin}${deps.settings().identityServerPath}`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    response_types_supported: ['token'],
  };
}

/** Token endpoint (at settings.identityServerPath, read per request) and the discovery document. */
export function createOAuthRouter(deps: OAuthDeps): Router {
  const router = express.Router();
  const rawForm = express.text({ type: 'application/x-www-form-urlencoded', limit: '16kb' });
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || req.path !== deps.settings().identityServerPath) {
      next();
      return;
    }
    rawForm(req, res, (err?: unknown) => {
      if (err) {
        next(err);
        return;
      }
      try {
        issueToken(deps, req, res);
      } catch (error) {
        if (!(error instanceof TokenRequestError)) {
          next(error);
          return;
        }
        res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
        res.status(400).json({ error: error.error });
      }
    });
  });
  router.get(['/.well-known/openid-configuration', '/0/.well-known/openid-configuration'], (req, res) => {
    res.status(200).json(discoveryDocument(deps, req));
  });
  return router;
}
