import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseGrep, parseShard, ScenarioSelectionError, type Shard } from '../scenarios/discover-scenarios';
import { formatLoadErrors } from '../scenarios/load-scenario';
import { createConsoleReporter, type ConsoleOutput } from '../scenarios/reporters/console.reporter';
import { renderHtmlReport } from '../scenarios/reporters/html.reporter';
import { renderJsonReport } from '../scenarios/reporters/json.reporter';
import { renderJUnitReport } from '../scenarios/reporters/junit.reporter';
import { countResults, type RunInfo } from '../scenarios/reporters/report-format';
import { executeRun, planScenarioRun, type RunPlan, type RunScenarioFn } from '../scenarios/run-scenarios';
import { parseDuration } from '../scenarios/scenario.schema';
import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

export const RUN_HELP = `Usage: npm run lab -- run <files or folders...> [options]

Runs scenario files (YAML, docs/scenarios.md), each in its own fresh lab (own workspace and
ports), several at once. Folders are searched recursively for *.yaml and *.yml, in sorted order.

Options:
  --grep REGEX           run only scenarios whose name, a tag or file matches
  --grep-invert REGEX    skip scenarios whose name, a tag or file matches
  --shard I/N            run only the I-th of N equal parts (CI machines in parallel)
  --workers N            scenarios at once (default: the number of CPUs)
  --timeout DURATION     replaces each file's default expectation timeout (500ms, 10s, 2m)
  --keep-workspaces      keep each scenario's workspace folder and print where
  --reporter-junit FILE  write JUnit XML (a testsuite per file, a testcase per scenario)
  --reporter-json FILE   write every result with its steps, timeline and events as JSON
  --reporter-html FILE   write one self-contained HTML report with each scenario's timeline
  --list                 print what would run (and any file that does not load) and stop
  -h, --help             show this help

Exit codes: 0 all passed, 1 a scenario failed or a file did not load, 2 bad command line
or no scenario found. Colours only on a terminal and never with NO_COLOR.
`;

/** What tests inject; the CLI uses the real ones. */
export interface RunCommandDeps {
  runScenario?: RunScenarioFn;
  out?: ConsoleOutput & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** `run`: runs scenario files and writes the reports. */
export async function runCommand(argv: string[], deps: RunCommandDeps = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      grep: { type: 'string' }, 'grep-invert': { type: 'string' }, shard: { type: 'string' }, workers: { type: 'string' },
      timeout: { type: 'string' }, 'keep-workspaces': { type: 'boolean' }, 'reporter-junit': { type: 'string' },
      'reporter-json': { type: 'string' }, 'reporter-html': { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  const out = deps.out ?? process.stdout;
  const env = deps.env ?? process.env;
  const cwd = deps.cwd ?? process.cwd();
  if (values.help) {
    out.write(RUN_HELP);
    return EXIT.OK;
  }
  if (positionals.length === 0) throw new CliError(`give at least one scenario file or folder (e.g. test/scenarios)\n\n${RUN_HELP}`, EXIT.USAGE);
  const workers = parseWorkers(values.workers);
  const timeoutMs = values.timeout === undefined ? undefined : parseTimeout(values.timeout);
  const { plan, shard } = await selection({ paths: positionals, cwd, grep: values.grep, grepInvert: values['grep-invert'], shard: values.shard });

  if (values.list) return listPlan(plan, out);
  if (plan.planned.length === 0) {
    out.write(`Shard ${shard?.current}/${shard?.total} has nothing to run (${plan.matched} scenarios in ${shard?.total} shards).\n0 passed, 0 failed\n`);
    return EXIT.OK;
  }
  const color = Boolean(out.isTTY) && !env.NO_COLOR;
  const reporter = createConsoleReporter({ out, color, live: Boolean(out.isTTY) && !env.CI });
  const startedAt = new Date();
  reporter.begin({ total: plan.planned.length, workers, shard });
  const { results, workspaceRoot } = await executeRun(plan.planned, {
    workers, timeoutMs, keepWorkspaces: values['keep-workspaces'], runScenario: deps.runScenario, listener: reporter,
  });
  const info: RunInfo = { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), workers, ...(shard ? { shard } : {}) };
  reporter.end(results, info);
  if (values['keep-workspaces']) out.write(`Workspaces kept in ${workspaceRoot}\n`);

  const reports = [
    { path: values['reporter-junit'], kind: 'JUnit', render: renderJUnitReport },
    { path: values['reporter-json'], kind: 'JSON', render: renderJsonReport },
    { path: values['reporter-html'], kind: 'HTML', render: renderHtmlReport },
  ];
  for (const report of reports) {
    if (!report.path) continue;
    const path = resolve(cwd, report.path);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, report.render(results, info));
    } catch (error) {
      throw new CliError(`could not write the ${report.kind} report to ${path}: ${(error as Error).message}`, EXIT.FAILURE);
    }
    out.write(`${report.kind} report: ${report.path}\n`);
  }
  return countResults(results).failed > 0 ? EXIT.FAILURE : EXIT.OK;
}

async function selection(options: { paths: string[]; cwd: string; grep?: string; grepInvert?: string; shard?: string }): Promise<{ plan: RunPlan; shard?: Shard }> {
  try {
    const grep = parseGrep('--grep', options.grep);
    const grepInvert = parseGrep('--grep-invert', options.grepInvert);
    const shard = parseShard(options.shard);
    const plan = await planScenarioRun({ paths: options.paths, cwd: options.cwd, grep, grepInvert, shard });
    if (plan.found === 0) throw new CliError(`no scenario files (*.yaml, *.yml) in ${options.paths.join(', ')}`, EXIT.USAGE);
    if (plan.matched === 0) throw new CliError(`none of the ${plan.found} scenario files matches --grep / --grep-invert`, EXIT.USAGE);
    return { plan, shard };
  } catch (error) {
    if (error instanceof ScenarioSelectionError) throw new CliError(error.message, EXIT.USAGE);
    throw error;
  }
}

/** `--list`: what would run, and which files do not load (exit 1 then, so CI can lint with it). */
function listPlan(plan: RunPlan, out: ConsoleOutput): number {
  let broken = 0;
  for (const entry of plan.planned) {
    if (entry.load.ok) {
      const tags = entry.tags.length ? `  [${entry.tags.join(', ')}]` : '';
      out.write(`  ${entry.file}  ${entry.name}${tags}\n`);
    } else {
      broken += 1;
      out.write(`✗ ${formatLoadErrors(entry.load.errors).split('\n').join('\n  ')}\n`);
    }
  }
  out.write(`${plan.planned.length} scenario${plan.planned.length === 1 ? '' : 's'}${broken ? `, ${broken} not loading` : ''}\n`);
  return broken ? EXIT.FAILURE : EXIT.OK;
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliError(`--workers: expected a whole number >= 1, got "${text}"`, EXIT.USAGE);
  return Number(text);
}

function parseTimeout(text: string): number {
  try {
    return /^\d+$/.test(text) ? Number(text) : parseDuration(text);
  } catch {
    throw new CliError(`--timeout: expected a duration like 500ms, 10s or 2m (or milliseconds), got "${text}"`, EXIT.USAGE);
  }
}
