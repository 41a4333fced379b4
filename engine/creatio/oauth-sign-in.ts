import { z } from 'zod';
import { EngineError } from '../engine-error';
import { type ExchangeDeps, type Reply, type Where, exchange } from './http-exchange';
import { defaultTokenUrl } from './odata-url';
import { errorForReply, parseReply } from './reply-errors';
import { type Grant, type SignIn, singleFlight } from './sign-in';

/** Token answer (reference §2.2): access_token, expires_in (3600 s by default), token_type "Bearer". */
const TokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  token_type: z.string().optional(),
});

/** IdentityServer / RFC 6749 §5.2 error body, e.g. `{"error":"invalid_client"}` (reference unknown #4). */
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() });

const DEFAULT_LIFETIME_S = 3600;
const MAX_RENEW_MARGIN_MS = 60_000;

export interface OAuthOptions extends ExchangeDeps {
  instanceUrl: string;
  clientId: string;
  clientSecret: string;
  tokenUrl?: string;
}

interface Token {
  value: string;
  renewAt: number;
  generation: number;
}

/** Wrong credentials or a wrong OAuth app: say which, never the secret (reference §5.4 "Invalid credentials"). */
function authFailed(reply: Reply, where: Where, clientId: string): EngineError {
  const parsed = TokenError.safeParse(safeJson(reply.text));
  const error = parsed.success ? parsed.data.error : undefined;
  const hint =
    error === 'invalid_client'
      ? `the identity service does not accept client id "${clientId}" with this client secret: check Client ID and Client Secret`
      : error === 'unauthorized_client' || error === 'unsupported_grant_type'
        ? 'the OAuth app must use the Client Credentials grant'
        : reply.status === 404
          ? 'no token endpoint at this address: check the Instance URL (or the token URL)'
          : `the token request was refused${error ? ` (${error})` : ''}`;
  return new EngineError('CREATIO_AUTH_FAILED', `OAuth sign-in failed: ${hint}`, { ...where, status: reply.status, ...(error ? { oauthError: error } : {}) });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * OAuth 2.0 client credentials against Creatio's identity service (reference §2.2). The token is
 * cached and renewed before it expires: when less than 10% of its lifetime or 60 s is left, whichever
 * is smaller, so a request never leaves with a token about to lapse in flight.
 */
export function createOAuthSignIn(options: OAuthOptions): SignIn {
  const tokenUrl = options.tokenUrl ?? defaultTokenUrl(options.instanceUrl);
  const where: Where = { method: 'POST', path: new URL(tokenUrl).pathname };
  let current: Token | undefined;
  let generation = 0;

  async function requestToken(): Promise<Token> {
    const startedAt = options.clock.now();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }).toString();
    const reply = await exchange(options, tokenUrl, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }, where);
    if (reply.status === 400 || reply.status === 401 || reply.status === 403 || reply.status === 404) {
      throw authFailed(reply, where, options.clientId);
    }
    if (reply.status !== 200) throw errorForReply(reply, where, options.clock);
    const token = parseReply(reply, where, TokenResponse, 'a token response');
    const lifetimeMs = (token.expires_in ?? DEFAULT_LIFETIME_S) * 1000;
    const margin = Math.min(lifetimeMs * 0.1, MAX_RENEW_MARGIN_MS);
    generation += 1;
    // Lifetime counted from when we asked, not when we heard back: errs on the early side.
    current = { value: token.access_token, renewAt: startedAt + lifetimeMs - margin, generation };
    return current;
  }

  const renew = singleFlight(requestToken);

  return {
    async grant(): Promise<Grant> {
      const token = current && options.clock.now() < current.renewAt ? current : await renew();
      return { headers: { Authorization: `Bearer ${token.value}` }, generation: token.generation };
    },
    observe() {
      // Bearer tokens do not slide; nothing to learn from an answer.
    },
    invalidate(expired) {
      if (current?.generation === expired) current = undefined;
    },
    secrets: () => [options.clientSecret, ...(current ? [current.value] : [])],
  };
}
