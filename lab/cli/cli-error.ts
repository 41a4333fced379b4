import { EXIT } from './exit-codes';

/** An error the CLI reports as one line on stderr with a given exit code (no stack trace). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.FAILURE) {
    super(message);
    this.name = 'CliError';
  }
}
