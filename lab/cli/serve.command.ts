import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LabMode } from '../lab.types';
import { startLab } from '../start-lab';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';
import { parsePort, waitForStopSignal } from './cli-support';

export const DEFAULT_WORKSPACE = join(homedir(), '.case-sync-lab', 'workspace');
/** The browser build of the window (`npm run build:web`); the same depth from lab/cli/ and from the CLI bundle in out/cli/. */
const BUILT_UI = fileURLToPath(new URL('../../out/web/', import.meta.url));

export const SERVE_HELP = `Usage: npm run lab -- serve [options]

Starts the whole lab headless on 127.0.0.1: the simulated Creatio site, the sync engine with its
webhook receiver, the fake customer chat, and the Lab API (with the UI). When it is ready it prints
one JSON line to stdout:
  {"ready":true,"creatio":URL,"webhook":URL (token masked),"ui":URL,"api":URL,"token":API token,
   "workspace":DIR,"mode":MODE}
Everything else goes to stderr. Ctrl-C (SIGINT) or SIGTERM stops it cleanly (exit code 0).

Options:
  --workspace DIR     workspace folder (default ${DEFAULT_WORKSPACE})
  --temp-workspace    use a throwaway workspace, removed on exit
  --mode MODE         every-conversation | handoff-only (default: the workspace's saved setting,
                      every-conversation in a fresh one)
  --port N            port of the Lab API and UI (default 0: a free port); the site and the
                      webhook receiver always take free ports
  --host ADDR         loopback address to listen on (default 127.0.0.1; 127.x.x.x only)
  --seed N            seed for the ids of the engine and the chat: two runs repeat
  --ui-dir DIR        the built window to serve at the UI URL (default out/web when it was built
                      with npm run build:web; else a placeholder page)
  -h, --help          show this help
`;

const MODES: readonly LabMode[] = ['every-conversation', 'handoff-only'];

interface ServeArgs {
  workspace?: string;
  temp: boolean;
  mode?: LabMode;
  port: number;
  host: string;
  seed?: number;
  uiDir?: string;
}

function parseServeArgs(argv: string[]): ServeArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: 'string' }, 'temp-workspace': { type: 'boolean' }, mode: { type: 'string' }, port: { type: 'string' },
      host: { type: 'string' }, seed: { type: 'string' }, 'ui-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return 'help';
  if (values.workspace !== undefined && values['temp-workspace']) {
    throw new CliError('--workspace and --temp-workspace cannot be used together', EXIT.USAGE);
  }
  if (values.mode !== undefined && !MODES.includes(values.mode as LabMode)) {
    throw new CliError(`--mode: expected ${MODES.join(' or ')}, got "${values.mode}"`, EXIT.USAGE);
  }
  if (values.seed !== undefined && !/^-?\d{1,15}$/.test(values.seed)) {
    throw new CliError(`--seed: expected an integer, got "${values.seed}"`, EXIT.USAGE);
  }
  const host = values.host ?? '127.0.0.1';
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) {
    throw new CliError(`--host: the lab listens on loopback only (127.x.x.x), got "${host}"`, EXIT.USAGE);
  }
  const uiDir = values['ui-dir'] !== undefined ? resolve(values['ui-dir']) : existsSync(join(BUILT_UI, 'index.html')) ? BUILT_UI : undefined;
  if (uiDir && !existsSync(join(uiDir, 'index.html'))) {
    throw new CliError(`--ui-dir: no index.html in ${uiDir} (build the window with npm run build:web)`, EXIT.USAGE);
  }
  return {
    temp: values['temp-workspace'] ?? false, port: parsePort(values.port, 0), host, ...(uiDir ? { uiDir } : {}),
    ...(values.workspace !== undefined ? { workspace: resolve(values.workspace) } : {}),
    ...(values.mode !== undefined ? { mode: values.mode as LabMode } : {}),
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
  };
}

/** Bold text on a terminal that wants colour (NO_COLOR, https://no-color.org, turns it off). */
function style(): (text: string) => string {
  const colour = process.stderr.isTTY && !process.env.NO_COLOR;
  return (text) => (colour ? `\u001b[1m${text}\u001b[22m` : text);
}

/** `serve`: runs the lab until Ctrl-C. */
export async function serveCommand(argv: string[]): Promise<number> {
  const args = parseServeArgs(argv);
  if (args === 'help') {
    process.stdout.write(SERVE_HELP);
    return EXIT.OK;
  }
  const workspace = args.temp ? await mkdtemp(join(tmpdir(), 'case-sync-lab-')) : args.workspace ?? DEFAULT_WORKSPACE;
  const removeTemp = () => (args.temp ? rm(workspace, { recursive: true, force: true }) : Promise.resolve());
  const stop = waitForStopSignal();
  let lab;
  try {
    lab = await startLab({
      workspace, host: args.host, port: args.port, ...(args.uiDir ? { uiDir: args.uiDir } : {}),
      ...(args.mode ? { mode: args.mode } : {}), ...(args.seed !== undefined ? { seed: args.seed } : {}),
    });
  } catch (error) {
    await removeTemp();
    throw new CliError(`Could not start the lab (workspace ${workspace}): ${(error as Error).message}`, EXIT.START_FAILED);
  }
  const { urls } = lab;
  const b = style();
  // Human lines first: the JSON line on stdout is the last thing printed at readiness.
  process.stderr.write([
    `${b('Case Sync Lab')} is running (${lab.mode()}).`,
    `  UI:              ${urls.ui}`,
    `  Lab API:         ${urls.api}  (Authorization: Bearer <token from the JSON line>)`,
    `  Creatio site:    ${urls.creatio}  (OData at /0/odata/; Supervisor / Supervisor)`,
    `  Webhook:         ${urls.webhook}`,
    `  Workspace:       ${workspace}${args.temp ? ' (removed on exit)' : ''}`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'));
  process.stdout.write(`${JSON.stringify({
    ready: true, creatio: urls.creatio, webhook: urls.webhook, ui: urls.ui, api: urls.api, token: lab.token, workspace, mode: lab.mode(),
  })}\n`);
  await stop;
  process.stderr.write('Stopping...\n');
  await lab.close();
  await removeTemp();
  return EXIT.OK;
}
