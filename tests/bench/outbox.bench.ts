// Outbox drain budget: 1,000 applications queued while the network is down must reach a local zone server within
// 30 s of it returning, with 30 % of requests failing at random (half before the server, half dropped after it
// committed): 1,000 records, no duplicates. The kiosk's Dexie runs on fake-indexeddb in Node, the zone server on
// PGlite in process (the same harness as tests/unit/kiosk/outbox-drain.test.ts). Baseline, same run, same server:
// the same number of applications, sealed beforehand, POSTed one after another without the outbox and without
// failures, before and after the drain (mean of the two). The drain sends ~1/(1 - failRate) as many requests. Figures are printed, not asserted. OUTBOX_BENCH_N and OUTBOX_BENCH_FAIL_RATE change the load.
import { plainPosts, runDrain, startZoneServer } from '../unit/kiosk/outbox-drain-harness.ts';

type Emit = (figure: { name: string; value: number; unit: string; [k: string]: unknown }) => void;

const N = Number(process.env.OUTBOX_BENCH_N ?? 1000);
const FAIL_RATE = Number(process.env.OUTBOX_BENCH_FAIL_RATE ?? 0.3);
const BUDGET_SECONDS = 30;

export default async function bench(emit: Emit): Promise<void> {
  const zone = await startZoneServer();
  try {
    // Warm-up: JIT, PGlite caches, the HTTP client (not counted).
    await plainPosts(zone, 20);

    // The baseline before and after the drain: on a shared machine the load moves within a minute, and the
    // drain is compared with the mean of the two.
    const before = await plainPosts(zone, N);
    const r = await runDrain(zone, {
      applications: N,
      failRate: FAIL_RATE,
      seed: 7,
      limitMs: 600_000,
      dbName: `outbox-bench-${process.pid}`,
    });
    const after = await plainPosts(zone, N);
    for (const b of [before, after])
      if (b.created !== N) throw new Error(`baseline: ${b.created} of ${N} created`);
    const baseline = (before.seconds + after.seconds) / 2;

    const extra = { applications: N, failRate: FAIL_RATE };
    emit({
      name: 'drain after the network returns',
      value: r.drainSeconds,
      unit: 's',
      budget: `<= ${BUDGET_SECONDS}`,
      ...extra,
    });
    emit({ name: 'records on the server', value: r.records, unit: 'records', expected: N, ...extra });
    emit({ name: 'duplicates', value: r.duplicates, unit: 'records', expected: 0, ...extra });
    emit({ name: 'missing', value: r.missing, unit: 'records', expected: 0, ...extra });
    emit({
      name: 'requests after the network returned',
      value: r.requestsAfterOnline,
      unit: 'requests',
      ...extra,
    });
    emit({
      name: 'failures injected',
      value: r.failedBeforeServer + r.droppedAfterCommit,
      unit: 'requests',
      failedBeforeServer: r.failedBeforeServer,
      droppedAfterCommit: r.droppedAfterCommit,
      ...extra,
    });
    emit({ name: 'longest wait between two requests', value: r.longestGapMs, unit: 'ms', ...extra });
    emit({ name: 'queueing (seal + write, before the clock)', value: r.queueSeconds, unit: 's', ...extra });
    emit({
      name: 'baseline: plain sequential POSTs, no outbox, no failures (mean of before and after)',
      value: +baseline.toFixed(2),
      unit: 's',
      before: +before.seconds.toFixed(2),
      after: +after.seconds.toFixed(2),
      applications: N,
    });
    emit({
      name: 'ratio (drain / baseline)',
      value: +(r.drainSeconds / baseline).toFixed(2),
      unit: 'ratio',
      requestRatio: +(r.requestsAfterOnline / N).toFixed(2),
      ...extra,
    });
  } finally {
    await zone.close();
  }
}
