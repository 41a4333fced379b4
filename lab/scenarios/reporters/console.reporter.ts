/**
 * The console reporter: one line per scenario as it ends (✓/✗, name, file, duration; for a failure,
 * the failed step with its file:line and error), then "N passed, N failed". On an interactive
 * terminal (not CI) it also keeps one status line of what is running, rewritten in place; colours
 * only on a terminal and never with NO_COLOR.
 */
import type { PlannedScenario, RunListener } from '../run-scenarios';
import type { ScenarioResult } from '../scenario-result';
import { countResults, failedStep, formatDuration, summaryLine } from './report-format';

export interface ConsoleOutput {
  write(text: string): unknown;
  columns?: number;
}

export interface ConsoleReporterOptions {
  out: ConsoleOutput;
  color: boolean;
  /** Keep a rewritten status line (cursor tricks): only on a TTY and not in CI. */
  live: boolean;
}

export interface ConsoleReporter extends RunListener {
  begin(info: { total: number; workers: number; shard?: { current: number; total: number } }): void;
  end(results: readonly ScenarioResult[], info: { durationMs: number }): void;
}

const ANSI = { green: 32, red: 31, dim: 2, bold: 1 } as const;

export function createConsoleReporter(options: ConsoleReporterOptions): ConsoleReporter {
  const { out, live } = options;
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
  const running = new Map<number, { name: string; step?: string }>();
  let total = 0;
  let done = 0;
  let statusShown = false;

  let lastStatus = '';
  const clearStatus = () => {
    if (statusShown) out.write('\r\x1b[2K');
    statusShown = false;
  };
  /** Rewrites the status line in place, only when what it says changed. */
  const showStatus = () => {
    if (!live || running.size === 0) return clearStatus();
    const names = [...running.values()].map((r) => (r.step ? `${r.name} › ${r.step}` : r.name)).join(' · ');
    const text = `[${done}/${total}] running: ${names}`;
    // A pseudo-terminal may report 0 columns: assume 80 then.
    const width = Math.max(20, (out.columns || 80) - 1);
    const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    if (statusShown && line === lastStatus) return;
    out.write(`\r\x1b[2K${paint('dim', line)}`);
    statusShown = true;
    lastStatus = line;
  };
  const print = (text: string) => {
    clearStatus();
    out.write(`${text}\n`);
    showStatus();
  };

  return {
    begin(info) {
      total = info.total;
      const shard = info.shard ? ` (shard ${info.shard.current}/${info.shard.total})` : '';
      print(`Running ${info.total} scenario${info.total === 1 ? '' : 's'} with ${Math.min(info.workers, info.total)} worker${info.workers === 1 ? '' : 's'}${shard}`);
    },
    onScenarioBegin(entry: PlannedScenario, index) {
      running.set(index, { name: entry.name });
      showStatus();
    },
    onStepEnd(_entry, step, index) {
      const current = running.get(index);
      if (!current || !live) return;
      current.step = step.title;
      showStatus();
    },
    onScenarioEnd(result, index) {
      running.delete(index);
      done += 1;
      print(resultLines(result, paint).join('\n'));
    },
    end(results, info) {
      clearStatus();
      const { failed } = countResults(results);
      const lines = [''];
      if (failed > 0) {
        lines.push(paint('bold', 'Failed:'));
        for (const r of results.filter((x) => x.status === 'failed')) {
          const step = failedStep(r);
          lines.push(`  ${paint('red', '✗')} ${r.name}  ${paint('dim', step ? `${r.file}:${step.line}` : r.file)}`);
        }
        lines.push('');
      }
      lines.push(paint('dim', `Finished in ${formatDuration(info.durationMs)}`));
      lines.push(paint(failed > 0 ? 'red' : 'green', summaryLine(results)));
      out.write(`${lines.join('\n')}\n`);
    },
  };
}

type Paint = (style: keyof typeof ANSI, text: string) => string;

function resultLines(result: ScenarioResult, paint: Paint): string[] {
  const mark = result.status === 'passed' ? paint('green', '✓') : paint('red', '✗');
  const head = `  ${mark} ${result.name}  ${paint('dim', `${result.file}  ${formatDuration(result.durationMs)}`)}`;
  if (result.status === 'passed') return [head];
  const step = failedStep(result);
  const detail: string[] = [];
  if (step) {
    detail.push(`step ${step.index + 1} ${step.action} (${result.file}:${step.line}): ${step.title}`);
    detail.push(...(step.error ?? 'failed').split('\n'));
  }
  if (result.error) detail.push(...result.error.split('\n'));
  if (detail.length === 0) detail.push('failed (no step failed and no error given)');
  return [head, ...detail.map((line) => `      ${paint('red', line)}`)];
}
