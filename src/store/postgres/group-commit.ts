/**
 * Group commit for PostgreSQL audit appends: the async sibling of src/store/sqlite/group-commit.ts.
 * Every append takes the one chain-head row lock, so the chain's throughput is one lock hold per
 * transaction. Appends made while a batch is being written wait, and go together in the next
 * transaction (at most `maxBatch`), in call order: alone an append waits one event-loop turn,
 * under load the lock is held once per batch instead of once per event.
 *
 * Guarantees: each `add` resolves only once its own event is committed; chain order is call
 * order within an instance; a batch is one transaction (all of it or none). A batch that fails
 * for its content is retried one transaction per input, so one bad input cannot cost the others
 * their place in the trail. A batch that fails because the connection is gone is not retried:
 * each retry would fail the same way, and every caller gets the error (the `onLoss` spool then
 * replays each event by its append id, so a commit whose answer was lost is not stored twice).
 */

export interface AsyncGroupCommitOptions<I, O> {
  /** Writes all inputs, in order, in ONE transaction; returns one output per input. */
  readonly commitMany: (inputs: readonly I[]) => Promise<O[]>;
  /** Most inputs per transaction: bounds the statement size and the lock hold. */
  readonly maxBatch: number;
  /** False when a failed batch must not be retried input by input (the connection is lost). */
  readonly retryAlone: (e: unknown) => boolean;
  /** Turns a thrown error into what the caller sees (never the input's content). */
  readonly toError: (e: unknown) => unknown;
}

export interface AsyncGroupCommit<I, O> {
  add(input: I): Promise<O>;
  /** Resolves once everything added so far has committed or failed. */
  settled(): Promise<void>;
  /** Added, not yet committed. */
  readonly pending: number;
}

interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

export function asyncGroupCommit<I, O>(options: AsyncGroupCommitOptions<I, O>): AsyncGroupCommit<I, O> {
  const max = Math.max(1, Math.floor(options.maxBatch));
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let running: Promise<void> | undefined;

  async function alone(w: Waiting<I, O>): Promise<void> {
    try {
      // Its own transaction (single appends, and the fallback after a failed batch): a batch of one.
      w.resolve((await options.commitMany([w.input]))[0] as O);
    } catch (e) {
      w.reject(options.toError(e));
    }
  }

  async function commitBatch(batch: readonly Waiting<I, O>[]): Promise<void> {
    if (batch.length === 1) return alone(batch[0] as Waiting<I, O>);
    try {
      const outputs = await options.commitMany(batch.map((w) => w.input));
      if (outputs.length === batch.length) {
        batch.forEach((w, i) => w.resolve(outputs[i] as O));
        return;
      }
    } catch (e) {
      if (!options.retryAlone(e)) {
        const err = options.toError(e);
        for (const w of batch) w.reject(err);
        return;
      }
    }
    for (const w of batch) await alone(w);
  }

  /** One writer at a time: while a batch is on the wire, the next one gathers. */
  function run(): Promise<void> {
    running ??= (async () => {
      // Let the rest of this turn add its appends before the first batch is cut.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        while (queue.length > 0) {
          const batch = queue.length <= max ? queue : queue.slice(0, max);
          queue = queue.length <= max ? [] : queue.slice(max);
          inFlight = batch.length;
          await commitBatch(batch);
          inFlight = 0;
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    add(input) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        void run();
      });
    },
    async settled() {
      while (running) await running;
    },
    get pending() {
      return queue.length + inFlight;
    },
  };
}
