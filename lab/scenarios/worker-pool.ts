/** Runs tasks with at most `concurrency` at once; results come back in the items' order, whatever order they finish in. */
export async function runPool<T, R>(items: readonly T[], options: { concurrency: number; run: (item: T, index: number) => Promise<R> }): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    // Each worker takes the next index until none is left: a slow task never holds up the others.
    while (next < items.length) {
      const index = next++;
      results[index] = await options.run(items[index]!, index);
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(options.concurrency), items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
