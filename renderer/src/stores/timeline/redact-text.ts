/**
 * A last guard before a request is shown: the lab and the site already redact secrets, but a body
 * passed through (a webhook URL in a process's answer, a bearer header typed into a process) must not
 * show one either. Values already masked (`***`) stay as they are.
 */
const RULES: [RegExp, string][] = [
  [/(Bearer\s+)(?!\*\*\*)[A-Za-z0-9._~+/=-]{8,}/g, '$1***'],
  [/(\/webhook\/)(?!\*\*\*)[A-Za-z0-9._~-]{8,}/g, '$1***'],
  [/((?:BPMCSRF|\.ASPXAUTH|BPMSESSIONID|BPMLOADER)=)(?!\*\*\*)[^;\s",]+/g, '$1***'],
  [/("(?:password|clientSecret|client_secret|access_token|refresh_token)"\s*:\s*")(?!\*\*\*)[^"]+/gi, '$1***'],
];

export function redactText(text: string): string {
  return RULES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
