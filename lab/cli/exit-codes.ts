/** The CLI's exit codes (documented in docs/cli.md; keep the two in step). */
export const EXIT = {
  /** Finished, or stopped cleanly by Ctrl-C / SIGTERM. */
  OK: 0,
  /** Something failed at run time (reported on stderr); `run`: a scenario failed or a file did not load. */
  FAILURE: 1,
  /** Bad command line: unknown command or option, bad value. */
  USAGE: 2,
  /** Could not start: port in use, workspace unreadable or corrupt. */
  START_FAILED: 3,
} as const;
