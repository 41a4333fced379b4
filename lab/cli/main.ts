import { OPENAPI_HELP, openApiCommand } from '../api/openapi.command';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';
import { MOCK_CREATIO_HELP, mockCreatioCommand } from './mock-creatio.command';
import { SERVE_HELP, serveCommand } from './serve.command';
import { RUN_HELP, runCommand } from './run.command';
import { SCENARIO_SCHEMA_HELP, scenarioSchemaCommand } from './scenario-schema.command';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; summary: string; help: string }> = {
  serve: { run: serveCommand, summary: 'start the whole lab headless (site, engine, chat, Lab API)', help: SERVE_HELP },
  'mock-creatio': { run: mockCreatioCommand, summary: 'start the simulated Creatio site alone', help: MOCK_CREATIO_HELP },
  run: { run: runCommand, summary: 'run scenario files, each in its own fresh lab, and write reports', help: RUN_HELP },
  'scenario-schema': { run: scenarioSchemaCommand, summary: 'write the JSON Schema of scenario files (docs/scenario.schema.json)', help: SCENARIO_SCHEMA_HELP },
  openapi: { run: openApiCommand, summary: 'write the Lab API\'s OpenAPI file (docs/openapi.json)', help: OPENAPI_HELP },
};

const HELP = `Case Sync Lab: rehearse a helpdesk AI <-> Creatio CRM case sync on one machine.

Usage: npm run lab -- <command> [options]     (or: case-sync-lab <command> after a global install)

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(17)}${c.summary}`).join('\n')}

Run "npm run lab -- <command> --help" for a command's options. Exit codes: docs/cli.md.
`;

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${HELP}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${error.message}\n\n${command.help}`);
      return EXIT.USAGE;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT.FAILURE;
  }
}
