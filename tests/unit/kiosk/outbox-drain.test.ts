// The outbox against the real zone server (PGlite): applications queued while the network is down drain after it
// returns, with 30 % of requests failing at random (half before the server, half after it committed). Every
// application ends up exactly once on the server. The time is printed (the budget: 1,000 in 30 s; the
// figure with a baseline is `npm run bench -- outbox`), and bounded loosely so a backoff regression fails here.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDrain, startZoneServer, type ZoneServer } from './outbox-drain-harness.ts';

// 300 keeps the unit suite quick on a loaded CI machine; OUTBOX_DRAIN_N=1000 gives the budget figure.
const N = Number(process.env.OUTBOX_DRAIN_N ?? 300);
const FAIL_RATE = 0.3;
// Measured on the 2-core machine shared with others: 300 drained in 9–15 s, and in 13–38 s with two CPU hogs beside
// (load average up to 14), nearly all of it sending (448 requests); the old per-application backoff took 87–199 s.
// 120 s keeps a wide margin and still fails on a backoff regression.
const LIMIT_MS = 120_000;

let zone: ZoneServer;

beforeAll(async () => {
  zone = await startZoneServer();
});

afterAll(async () => {
  await zone?.close();
});

it(
  `drains ${N} queued applications with ${FAIL_RATE * 100} % of requests failing: each delivered once`,
  async () => {
    const r = await runDrain(zone, { applications: N, failRate: FAIL_RATE, seed: 7, limitMs: LIMIT_MS });
    console.log(
      JSON.stringify({ figure: 'outbox drain after the network returns', budgetSeconds: 30, ...r }),
    );
    expect(r.records).toBe(N);
    expect(r.duplicates).toBe(0);
    expect(r.missing).toBe(0);
    expect(r.counts).toEqual({ pending: 0, acknowledged: N, rejected: 0 });
    expect(r.rowsClean).toBe(true);
  },
  LIMIT_MS + 60_000,
);
