/** The simulator's seeded OAuth client (workspace defaults): the sync engine's own way in. */
const CLIENT = { id: 'case-sync-lab', secret: 'lab-client-secret-change-me' };

/** A bearer token by OAuth client credentials (reference/creatio-api.md §2), for the bench's own requests to the site. */
export async function bearerToken(url: string): Promise<string> {
  const response = await fetch(`${url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('token response has no access_token');
  return body.access_token;
}
