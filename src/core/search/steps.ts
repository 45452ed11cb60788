// Work that can run in slices: a generator that yields between pieces of a long job. Run to the end at once where
// time does not matter (the worker, the CLI, tests); on the kiosk's page the engine is built a slice per idle
// moment, so a visitor's touch never waits for more than one slice (page-engine.ts).
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Calls `body` for each element, yielding after every `every` of them. */
export function* forEachInSteps<T>(
  items: readonly T[],
  every: number,
  body: (item: T, index: number) => void,
): Steps<void> {
  for (let i = 0; i < items.length; i++) {
    body(items[i]!, i);
    if ((i + 1) % every === 0) yield;
  }
}
