// Linearity by CPU time, never by wall clock: the same work at two sizes, compared as a ratio, so the speed of
// the machine and other load on it cancel out. Speed itself belongs to `npm run bench`.
import assert from 'node:assert/strict';

/** CPU time (user + system, in ms) this process spends in `work`: the best of `runs`, to shed GC and noise. */
export function cpuMs(work: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export interface LinearityCheck<T> {
  /** Builds the input for `size` units (built outside the measurement). */
  input: (size: number) => T;
  /** The work under test. */
  work: (input: T) => void;
  /** Size of the small input; the large one is `factor` times it. */
  size: number;
  factor?: number;
}

/**
 * Asserts that `factor` times the input costs less than twice `factor` times the CPU time: linear work gives
 * about `factor`, quadratic work `factor`² (16 for the default 4). The small run counts as at least FLOOR_MS so
 * that a timer tick on a tiny measurement cannot fail the test; choose `size` so that it takes longer than that.
 */
export function assertLinear<T>({ input, work, size, factor = 4 }: LinearityCheck<T>): void {
  const small = input(size);
  const large = input(size * factor);
  work(small); // warm up the JIT and the regex caches
  // Alternate the two sizes, best of three each: a memo of the last text analysed can never serve a measurement.
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let i = 0; i < 3; i++) {
    smallMs = Math.min(
      smallMs,
      cpuMs(() => work(small), 1),
    );
    largeMs = Math.min(
      largeMs,
      cpuMs(() => work(large), 1),
    );
  }
  const ratio = largeMs / Math.max(smallMs, FLOOR_MS);
  assert.ok(
    ratio < 2 * factor,
    `CPU time ${smallMs.toFixed(1)} ms at ${size}, ${largeMs.toFixed(1)} ms at ${size * factor}: ratio ${ratio.toFixed(1)} (linear is about ${factor})`,
  );
}

const FLOOR_MS = 20;
