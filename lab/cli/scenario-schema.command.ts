import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from '../scenarios/scenario-json-schema';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

export const SCENARIO_SCHEMA_HELP = `Usage: npm run lab -- scenario-schema [--out FILE] [--check]

Writes the JSON Schema of scenario files, generated from the zod schema the runner validates
with, so editors autocomplete and check them. Point an editor at it with a first line such as
  # yaml-language-server: $schema=../../docs/scenario.schema.json

Options:
  --out FILE   where to write it (default ${SCENARIO_SCHEMA_PATH}; "-" prints it)
  --check      write nothing; exit 1 when FILE is not up to date with the code
  -h, --help   show this help
`;

/** `scenario-schema`: writes (or checks) docs/scenario.schema.json. */
export async function scenarioSchemaCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(SCENARIO_SCHEMA_HELP);
    return EXIT.OK;
  }
  const text = scenarioJsonSchemaText();
  if (values.out === '-') {
    process.stdout.write(text);
    return EXIT.OK;
  }
  const path = resolve(values.out ?? SCENARIO_SCHEMA_PATH);
  if (values.check) {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    if (current === text) {
      process.stdout.write(`${path} is up to date.\n`);
      return EXIT.OK;
    }
    process.stderr.write(`${path} is ${current === undefined ? 'missing' : 'out of date'}: run "npm run lab -- scenario-schema".\n`);
    return EXIT.FAILURE;
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new CliError(`could not write ${path}: ${(error as Error).message}`, EXIT.FAILURE);
  }
  process.stdout.write(`Wrote ${path}\n`);
  return EXIT.OK;
}
