import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from '../cli/cli-error';
import { EXIT } from '../cli/exit-codes';
import { openApiText } from './openapi';

export const OPENAPI_HELP = `Usage: npm run lab -- openapi [--out FILE]

Writes the Lab API's OpenAPI 3.1 description, generated from the zod schemas in contract/
(docs/openapi.json is made with: npm run lab -- openapi --out docs/openapi.json).

Options:
  --out FILE    write to FILE (default: standard output)
  -h, --help    show this help
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** `openapi`: prints or writes the OpenAPI file. */
export async function openApiCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  if (values.help) {
    process.stdout.write(OPENAPI_HELP);
    return EXIT.OK;
  }
  const text = openApiText(version());
  if (!values.out) {
    process.stdout.write(text);
    return EXIT.OK;
  }
  const file = resolve(values.out);
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`Could not write ${file}: ${(error as Error).message}`, EXIT.FAILURE);
  }
  process.stderr.write(`Wrote ${file}\n`);
  return EXIT.OK;
}
