import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockCreatio } from '../../mock-creatio';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';
import { parsePort, waitForStopSignal } from './cli-support';

export const MOCK_CREATIO_HELP = `Usage: npm run lab -- mock-creatio [--port N] [--workspace DIR]

Starts the simulated Creatio site alone on 127.0.0.1 and prints its base URL.
OData 4 is at <url>/0/odata/ (and <url>/odata/), forms login at
<url>/ServiceModel/AuthService.svc/Login (Supervisor / Supervisor), OAuth 2.0 client
credentials at <url>/connect/token, and the lab's admin API at <url>/__lab/.

Options:
  --port N          TCP port (default 5080; 0 picks a free port)
  --workspace DIR   workspace folder; data lives in DIR/creatio (default ./workspace)
  --json            print one JSON line {"url":...} instead of text
  -h, --help        show this help
`;

/** `mock-creatio`: runs the simulator until Ctrl-C. */
export async function mockCreatioCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, workspace: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(MOCK_CREATIO_HELP);
    return EXIT.OK;
  }
  const port = parsePort(values.port, 5080);
  const workspace = resolve(values.workspace ?? 'workspace');
  let site;
  try {
    site = await startMockCreatio({ workspace, port });
  } catch (error) {
    throw new CliError(`Could not start the simulated Creatio site on port ${port} with workspace ${workspace}: ${(error as Error).message}`, EXIT.START_FAILED);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: site.url, odata: `${site.url}/0/odata/`, workspace })}\n`);
  } else {
    process.stdout.write(`Simulated Creatio site: ${site.url}\n  OData 4:   ${site.url}/0/odata/\n  Workspace: ${workspace}\n  Sign in:   Supervisor / Supervisor (forms) or OAuth client "case-sync-lab"\nPress Ctrl-C to stop.\n`);
  }
  await waitForStopSignal();
  await site.close();
  return EXIT.OK;
}
