import type { Clock } from '../ports';

/** The cookies of one forms session (reference §2.1: .ASPXAUTH, BPMCSRF, BPMLOADER, UserName...). */
export interface CookieJar {
  /** Takes the Set-Cookie lines of an answer: new values replace old ones, expired ones are dropped. */
  absorb(setCookie: readonly string[]): void;
  get(name: string): string | undefined;
  /** The Cookie request header, or undefined when the jar is empty. */
  header(): string | undefined;
  clear(): void;
  values(): string[];
}

/** True when the attributes say the cookie is already gone (`Max-Age=0`, or an `Expires` in the past). */
function isRemoval(attributes: string[], now: number): boolean {
  for (const attribute of attributes) {
    const eq = attribute.indexOf('=');
    const name = (eq < 0 ? attribute : attribute.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : attribute.slice(eq + 1).trim();
    if (name === 'max-age' && /^-?\d+$/.test(value) && Number(value) <= 0) return true;
    if (name === 'expires') {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at <= now) return true;
    }
  }
  return false;
}

/** Reads Set-Cookie lines as returned by `Headers.getSetCookie()`; one site, so Domain/Path are not tracked. */
export function createCookieJar(clock: Clock): CookieJar {
  const cookies = new Map<string, string>();
  return {
    absorb(setCookie) {
      for (const line of setCookie) {
        const [pair = '', ...attributes] = line.split(';');
        const eq = pair.indexOf('=');
        if (eq <= 0) continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (value === '' || isRemoval(attributes, clock.now())) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    get: (name) => cookies.get(name),
    header: () => (cookies.size === 0 ? undefined : [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')),
    clear: () => cookies.clear(),
    values: () => [...cookies.values()],
  };
}

/** `Headers.getSetCookie()` (Node 20, browsers); an empty list where a runtime lacks it. */
export function setCookieLines(headers: Headers): string[] {
  return typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
}
