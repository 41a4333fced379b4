/** A step's status as a small badge with a symbol and a word (never colour alone). */
const WORDS = {
  pending: ['·', 'Pending'], running: ['…', 'Running'], passed: ['✓', 'Passed'], failed: ['✗', 'Failed'], skipped: ['–', 'Skipped'],
} as const;

export function StepStatus({ status }: { status: keyof typeof WORDS }) {
  const [symbol, word] = WORDS[status];
  return <span className={`badge step-status step-status-${status}`}>{symbol} {word}</span>;
}
