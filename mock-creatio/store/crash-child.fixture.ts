/**
 * Child process for the crash test: commits forever from several concurrent writers with real
 * fsync and frequent compactions, printing each id once its commit is acknowledged. The test
 * kills it with SIGKILL at a random moment.
 */
import { caseRecord, open } from './store-test-helpers';

const dir = process.argv[2] as string;
const store = await open(dir, { durability: 'fsync', compactAfterCommits: 150 });
let next = Number(process.argv[3] ?? 0);
for (let writer = 0; writer < 8; writer++) {
  void (async () => {
    for (;;) {
      const n = ++next;
      await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
      process.stdout.write(`${n}\n`);
    }
  })();
}
