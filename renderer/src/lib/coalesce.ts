/**
 * Refreshes triggered by events come in bursts (a message produces a dozen events). A coalesced task
 * runs at most once at a time; a trigger while it runs asks for exactly one more run afterwards, so the
 * last run always starts after the last trigger (its answer is the newest) and answers never overtake.
 */
export function coalesce(task: () => Promise<void>, onError: (error: unknown) => void = () => undefined): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;

  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };

  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}

/** One coalesced task per key (a conversation id, a case id). */
export function coalesceByKey(task: (key: string) => Promise<void>, onError?: (error: unknown) => void): (key: string) => Promise<void> {
  const tasks = new Map<string, () => Promise<void>>();
  return (key) => {
    let trigger = tasks.get(key);
    if (!trigger) {
      trigger = coalesce(() => task(key), onError);
      tasks.set(key, trigger);
    }
    return trigger();
  };
}
