/** Opened without the per-launch token: say how to open the window properly. */
export function NoToken() {
  return (
    <section className="no-token" aria-labelledby="no-token-title">
      <h1 id="no-token-title">This window has no Lab API token</h1>
      <p>
        Open the address the lab printed with its token in the fragment: <code>&lt;ui&gt;#token=&lt;token&gt;</code>
        (the <code>ui</code> and <code>token</code> fields of the JSON line of <code>npm run lab -- serve</code>). The desktop app does
        this for you.
      </p>
    </section>
  );
}
