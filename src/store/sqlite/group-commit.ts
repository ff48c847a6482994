/**
 * Group commit for audit appends. Each SQLite transaction costs far more than the rows in it (the
 * write lock, the read of the chain head, one WAL frame per dirty page at COMMIT, an fsync with
 * `durability: 'full'`), so appends queued during one turn of the event loop are committed
 * together, in the order they were made, at the end of that turn (`setImmediate`): under load one
 * transaction carries many events, alone an event waits only for the current turn to finish.
 *
 * Guarantees kept: each `append` resolves only once its own event is committed (a caller that
 * awaited it can read it back); the chain order is the call order; a batch is one transaction, so
 * a process killed mid-write leaves either all of a batch or none of it, and the chain verifies.
 * If a batch fails, its events are retried one transaction each, so one event that cannot be
 * written (a constraint, a bug in its input) cannot cost the others their place in the trail.
 */

export interface GroupCommitOptions<I, O> {
  /** Writes all inputs, in order, in ONE transaction; returns one output per input. */
  readonly commitMany: (inputs: readonly I[]) => O[];
  /** Most inputs per transaction: bounds how long one commit holds the event loop. */
  readonly maxBatch: number;
  /** Turns a thrown error into what the caller sees (never the input's content). */
  readonly toError: (e: unknown) => unknown;
}

export interface GroupCommit<I, O> {
  add(input: I): Promise<O>;
  /** Commits everything queued now (before closing the database). */
  flush(): void;
  /** Queued, not yet committed. */
  readonly pending: number;
}

interface Waiting<I, O> {
  readonly input: I;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

export function groupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const max = Math.max(1, Math.floor(options.maxBatch));
  let queue: Waiting<I, O>[] = [];
  let scheduled: NodeJS.Immediate | undefined;

  function commitBatch(batch: readonly Waiting<I, O>[]): void {
    let outputs: O[] | undefined;
    try {
      outputs = batch.length === 1 ? undefined : options.commitMany(batch.map((w) => w.input));
    } catch {
      outputs = undefined;
    }
    if (outputs !== undefined && outputs.length === batch.length) {
      batch.forEach((w, i) => w.resolve(outputs[i] as O));
      return;
    }
    // One at a time (the batch was a single event, or its transaction was rolled back as a whole).
    for (const w of batch) {
      try {
        // Its own transaction: a batch of one.
        w.resolve(options.commitMany([w.input])[0] as O);
      } catch (e) {
        w.reject(options.toError(e));
      }
    }
  }

  /** One batch per turn when called from the loop (other I/O runs between batches); all when `all`. */
  function drain(all: boolean): void {
    if (scheduled !== undefined) clearImmediate(scheduled);
    scheduled = undefined;
    while (queue.length > 0) {
      const batch = queue.length <= max ? queue : queue.slice(0, max);
      queue = queue.length <= max ? [] : queue.slice(max);
      commitBatch(batch);
      if (!all) break;
    }
    if (queue.length > 0) scheduled = setImmediate(drain, false);
  }

  return {
    add(input) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        scheduled ??= setImmediate(drain, false);
      });
    },
    flush: () => drain(true),
    get pending() {
      return queue.length;
    },
  };
}
