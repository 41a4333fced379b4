import { z } from 'zod';
import { EngineError } from '../engine-error';
import { createCookieJar, setCookieLines } from './cookie-jar';
import { type ExchangeDeps, type Where, exchange } from './http-exchange';
import { errorForReply, parseReply } from './reply-errors';
import { type Grant, type SignIn, singleFlight } from './sign-in';

/** AuthService.svc answer: Code 0 = signed in; anything else = refused, Message says why (reference §2.1). */
const LoginResponse = z.object({
  Code: z.number(),
  Message: z.string().nullish(),
});

export interface FormsOptions extends ExchangeDeps {
  instanceUrl: string;
  userName: string;
  password: string;
}

const LOGIN_PATH = '/ServiceModel/AuthService.svc/Login';
const CSRF_COOKIE = 'BPMCSRF';

/**
 * Forms login (reference §2.1): POST AuthService.svc/Login, keep the cookies it sets, send them back
 * with the BPMCSRF cookie's value echoed in a BPMCSRF header. Cookies are refreshed from every answer
 * that sets them (sliding renewal, as Creatio's own clients do).
 */
export function createFormsSignIn(options: FormsOptions): SignIn {
  const jar = createCookieJar(options.clock);
  const where: Where = { method: 'POST', path: LOGIN_PATH };
  let generation = 0;
  let signedIn = false;

  function refused(status: number, message: string): EngineError {
    return new EngineError('CREATIO_AUTH_FAILED',
      `Creatio refused the sign-in of user "${options.userName}": ${message || 'no reason given'}; check the user name and password`,
      { ...where, status });
  }

  async function login(): Promise<number> {
    const reply = await exchange(options, `${options.instanceUrl}${LOGIN_PATH}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json; charset=utf-8', ForceUseSession: 'true' },
      body: JSON.stringify({ UserName: options.userName, UserPassword: options.password }),
    }, where);
    if (reply.status === 404) {
      throw new EngineError('CREATIO_AUTH_FAILED', 'No AuthService at this address: check the Instance URL', { ...where, status: 404 });
    }
    if (reply.status === 401 || reply.status === 403) throw refused(reply.status, 'HTTP ' + reply.status);
    // A malformed login is a 400 with the AuthService body; wrong credentials a 200 with Code ≠ 0 (§2.1).
    if (reply.status !== 200 && reply.status !== 400) throw errorForReply(reply, where, options.clock);
    const body = parseReply(reply, where, LoginResponse, 'an AuthService login answer');
    if (reply.status !== 200 || body.Code !== 0) throw refused(reply.status, body.Message ?? '');
    jar.clear();
    jar.absorb(setCookieLines(reply.headers));
    generation += 1;
    signedIn = true;
    return generation;
  }

  const signInOnce = singleFlight(login);

  return {
    async grant(): Promise<Grant> {
      const current = signedIn ? generation : await signInOnce();
      const headers: Record<string, string> = {};
      const cookie = jar.header();
      if (cookie) headers.Cookie = cookie;
      const csrf = jar.get(CSRF_COOKIE);
      if (csrf) headers.BPMCSRF = csrf;
      return { headers, generation: current };
    },
    observe(reply, sentWith) {
      // Only answers to the live session may change its cookies; a late answer to an old one must not.
      if (signedIn && sentWith === generation) jar.absorb(setCookieLines(reply.headers));
    },
    invalidate(expired) {
      if (signedIn && expired === generation) {
        signedIn = false;
        jar.clear();
      }
    },
    secrets: () => [options.password, ...jar.values()],
  };
}
