/**
 * The per-launch Lab API token. The desktop shell (or the person running `serve`) opens
 * `<ui>#token=<token>`: a fragment never travels to a server. The UI keeps it for this tab only
 * (sessionStorage, so a reload after "Reset workspace" still works) and removes it from the address bar
 * at once, so it is neither in the history nor in a screenshot of the URL.
 */
const KEY = 'case-sync-lab.token';

export function takeTokenFromLocation(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromFragment = params.get('token');
  if (fromFragment) {
    sessionStorage.setItem(KEY, fromFragment);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
    return fromFragment;
  }
  return sessionStorage.getItem(KEY);
}
