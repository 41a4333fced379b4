/**
 * The HTML login page (`/Login/NuiLogin.aspx`). Clients such as clio recognise an expired session by an HTML
 * body containing "NuiLogin" (reference/creatio-api.md §2.1), so the page must carry that word.
 *
 * The page posts the JSON login itself and then follows ReturnUrl. ReturnUrl is read by the script from
 * `location.search`, never echoed into the HTML, and only same-site paths are followed (no open redirect).
 */
export const LOGIN_PAGE_PATH = '/Login/NuiLogin.aspx';

/** Where an unauthenticated request is sent: `/Login/NuiLogin.aspx?ReturnUrl=<original path>`. */
export function loginRedirectUrl(originalUrl: string): string {
  return `${LOGIN_PAGE_PATH}?ReturnUrl=${encodeURIComponent(originalUrl)}`;
}

export const LOGIN_PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Creatio (Case Sync Lab simulator) - NuiLogin</title>
</head>
<body id="NuiLogin">
<h1>Sign in</h1>
<form id="NuiLoginForm" method="post" action="/ServiceModel/AuthService.svc/Login">
  <label>User name <input name="UserName" autocomplete="username" required></label>
  <label>Password <input name="UserPassword" type="password" autocomplete="current-password"></label>
  <button type="submit">Log in</button>
  <p id="NuiLoginMessage" role="alert"></p>
</form>
<script>
document.getElementById('NuiLoginForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/ServiceModel/AuthService.svc/Login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ UserName: form.get('UserName'), UserPassword: form.get('UserPassword') }),
  });
  const result = await response.json().catch(() => ({ Code: -1, Message: 'Unexpected answer' }));
  if (result.Code !== 0) {
    document.getElementById('NuiLoginMessage').textContent = result.Message;
    return;
  }
  const target = new URLSearchParams(location.search).get('ReturnUrl') || '/0/';
  location.href = /^\\/(?![\\/\\\\])/.test(target) ? target : '/0/';
});
</script>
</body>
</html>
`;
