// The outbox drain against the real zone server, shared by the unit test (tests/unit/kiosk/outbox-drain.test.ts) and
// the benchmark (tests/bench/outbox.bench.ts): fake-indexeddb for the kiosk's Dexie database, an in-process zone
// server on PGlite in a temporary folder, and a fetch that fails a share of the requests at random (half before
// the server, half after it committed, the answer lost). Not a test file itself (vitest collects *.test.ts only).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Application } from '../../../src/core/application/schema.ts';
import { sealJson } from '../../../src/core/crypto/sealed-box.ts';
import { openPglite, type Database } from '../../../src/server/db/database.ts';
import { DEFAULT_LIMITS } from '../../../src/server/app.ts';
import { enrolTestKiosk, type TestKiosk } from '../server/kiosk-client.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { OutboxDb } from '../../../src/kiosk/outbox/db.ts';
import { Outbox } from '../../../src/kiosk/outbox/outbox.ts';
import type { OutboxEntry } from '../../../src/kiosk/outbox/machine.ts';
import { sampleApplication } from './sample-application.ts';

const STAFF_TOKEN = 'drain-token';

export interface ZoneServer {
  server: RunningServer;
  db: Database;
  /** The enrolled kiosk whose signed requests carry the applications (issue 12). */
  kiosk: TestKiosk;
  close(): Promise<void>;
}

/** A zone server on PGlite in a fresh temporary folder, on a free loopback port. */
export async function startZoneServer(): Promise<ZoneServer> {
  const dir = await mkdtemp(join(tmpdir(), 'outbox-drain-'));
  const db = await openPglite(join(dir, 'pglite'));
  const server = await startServer({
    database: db,
    port: 0,
    host: '127.0.0.1',
    logger: false,
    staffToken: STAFF_TOKEN,
    intakeKeyFile: join(dir, 'intake-key.json'),
    // One kiosk sends everything here: its own limit must not be what is measured.
    limits: {
      kioskRate: { ...DEFAULT_LIMITS.kioskRate, applications: { capacity: 1e6, refillPerSecond: 1e6 } },
    },
  });
  return {
    server,
    db,
    kiosk: await enrolTestKiosk(db, { site: 'drain-site', kioskId: 'drain-1' }),
    close: async () => {
      await server.close();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The same linear congruential generator everywhere: runs are repeatable. */
export function seededRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Applications with distinct, ordered creation times. */
export function drainApplications(n: number): Application[] {
  return Array.from({ length: n }, (_, i) =>
    sampleApplication({ createdAt: new Date(Date.UTC(2026, 2, 2, 2, 0, 0, i)).toISOString() }),
  );
}

export interface DrainOptions {
  applications: number;
  /** Share of requests that fail once the network is back (0..1): half 503 before the server, half dropped after. */
  failRate: number;
  /** Seed of the failure rolls. */
  seed?: number;
  /** Give up (throw) when not drained after this long (ms). */
  limitMs: number;
  /** Name of the kiosk's IndexedDB database (deleted afterwards). */
  dbName?: string;
}

export interface DrainResult {
  applications: number;
  failRate: number;
  /** From the `online` event to nothing pending. */
  drainSeconds: number;
  /** Sealing and writing the applications to the outbox (before the clock). */
  queueSeconds: number;
  requestsAfterOnline: number;
  failedBeforeServer: number;
  droppedAfterCommit: number;
  /** This run's applications on the server (by client id), duplicates among them, and ones not there. */
  records: number;
  duplicates: number;
  missing: number;
  counts: Record<OutboxEntry['state'], number>;
  /** Every outbox row acknowledged, without its ciphertext, with the server's number. */
  rowsClean: boolean;
  /** The longest wait between two requests after the network returned (ms): the backoff a drain sat out. */
  longestGapMs: number;
}

/**
 * Queues `applications` while the network is down (the sender tries once at start and backs off), then brings the
 * network back with the `online` event and measures until nothing is pending. Checks the server's export.
 */
export async function runDrain(zone: ZoneServer, o: DrainOptions): Promise<DrainResult> {
  const { server } = zone;
  const dbName = o.dbName ?? 'outbox-drain';
  const outboxDb = new OutboxDb(dbName);
  const random = seededRandom(o.seed ?? 7);
  let online = false;
  let requests = 0;
  let failedBefore = 0;
  let droppedAfter = 0;
  let lastRequestAt = 0;
  let longestGapMs = 0;
  const flaky: typeof fetch = async (input, init) => {
    requests++;
    if (!online) throw new TypeError('Failed to fetch');
    const t = performance.now();
    if (lastRequestAt) longestGapMs = Math.max(longestGapMs, t - lastRequestAt);
    lastRequestAt = t;
    const roll = random();
    if (roll < o.failRate / 2) {
      failedBefore++;
      return Response.json({ error: { code: 'internal' } }, { status: 503 });
    }
    const res = await zone.kiosk.fetch(input, init);
    if (roll < o.failRate) {
      droppedAfter++;
      await res.arrayBuffer();
      throw new TypeError('network connection lost'); // the server committed; the answer is lost
    }
    return res;
  };
  const events = new EventTarget();
  const outbox = new Outbox({ db: outboxDb, serverUrl: server.url, fetch: flaky, events });
  try {
    const t0 = performance.now();
    const apps = drainApplications(o.applications);
    for (const app of apps) await outbox.enqueue(app, server.intakeKey.publicJwk, 'in-person');
    const queueMs = performance.now() - t0;
    outbox.start(); // offline: the first attempts fail, the sender backs off
    await outbox.idle();
    const offline = await outbox.counts();
    if (offline.pending !== o.applications) throw new Error(`sent while offline: ${JSON.stringify(offline)}`);

    // The network returns.
    const t1 = performance.now();
    online = true;
    lastRequestAt = t1;
    const requestsBefore = requests;
    events.dispatchEvent(new Event('online'));
    for (;;) {
      await outbox.idle();
      const c = await outbox.counts();
      if (c.pending === 0) break;
      if (performance.now() - t1 > o.limitMs) throw new Error(`not drained: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const drainMs = performance.now() - t1;
    const requestsAfterOnline = requests - requestsBefore;
    outbox.stop();

    const res = await fetch(`${server.url}/api/v1/staff/export.json`, {
      headers: { Authorization: `Bearer ${STAFF_TOKEN}` },
    });
    const body = (await res.json()) as { applications: { clientId: string }[] };
    const mine = new Set(apps.map((a) => a.clientId));
    const ids = body.applications.map((a) => a.clientId).filter((id) => mine.has(id));
    const unique = new Set(ids);
    const rows = await outboxDb.entries.toArray();
    return {
      applications: o.applications,
      failRate: o.failRate,
      drainSeconds: +(drainMs / 1000).toFixed(2),
      queueSeconds: +(queueMs / 1000).toFixed(2),
      requestsAfterOnline,
      failedBeforeServer: failedBefore,
      droppedAfterCommit: droppedAfter,
      records: unique.size,
      duplicates: ids.length - unique.size,
      missing: o.applications - unique.size,
      counts: await outbox.counts(),
      rowsClean: rows.every(
        (e) => e.state === 'acknowledged' && e.envelope === undefined && typeof e.serverNumber === 'number',
      ),
      longestGapMs: Math.round(longestGapMs),
    };
  } finally {
    outbox.stop();
    outboxDb.close();
    await Dexie.delete(dbName);
  }
}

/**
 * The baseline: `n` applications sealed beforehand, then POSTed one after another to the same server, no outbox, no
 * failures. Seconds for the POSTs alone.
 */
export async function plainPosts(zone: ZoneServer, n: number): Promise<{ seconds: number; created: number }> {
  const { server } = zone;
  const bodies: { id: string; body: string }[] = [];
  for (const app of drainApplications(n)) {
    const envelope = await sealJson(server.intakeKey.publicJwk, app, app.clientId);
    bodies.push({
      id: app.clientId,
      body: JSON.stringify({ envelope, meta: { receiptRule: 'in-person', attempt: 1 } }),
    });
  }
  let created = 0;
  const t0 = performance.now();
  for (const { id, body } of bodies) {
    const res = await zone.kiosk.fetch(`${server.url}/api/v1/applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      body,
      cache: 'no-store',
    });
    await res.arrayBuffer();
    if (res.status === 201) created++;
  }
  return { seconds: (performance.now() - t0) / 1000, created };
}
