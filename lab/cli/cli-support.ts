import { CliError } from './cli-error';
import { EXIT } from './exit-codes';

/** Parses a `--port` value: an integer 0..65535. */
export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliError(`--port: expected a port number 0..65535, got "${text}"`, EXIT.USAGE);
  }
  return port;
}

/** Resolves on the first SIGINT or SIGTERM (Ctrl-C), so the caller can close cleanly. */
export function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
