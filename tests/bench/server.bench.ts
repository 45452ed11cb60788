// Zone server budgets (issue 4): applications/s and p99 latency of POST /api/v1/applications against PGlite in a
// data folder on disk (the default deployment), and against PostgreSQL when DATABASE_URL is set. Baseline: a trivial
// GET /api/v1/health in the same run, same concurrency, same client. Sealing happens before the clock starts (it is
// the kiosk's work), and so does signing each request with an enrolled kiosk's key (RFC 9421, issue 12); the server's
// signature check, replay check, decryption, validation and storage are measured. Figures are printed, not asserted.
// Budget: ≥ 300 applications/s with p99 ≤ 50 ms on PGlite.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateReceiptCode } from '../../src/core/application/receipt.ts';
import { generateKioskKeyPair, keyIdOfKioskKey, signRequest } from '../../src/core/auth/request-signature.ts';
import { utf8 } from '../../src/core/bundle/encoding.ts';
import { DEFAULT_LIMITS } from '../../src/server/app.ts';
import { KioskStore } from '../../src/server/kiosk-store.ts';
import type { ApplicationInput } from '../../src/core/application/schema.ts';
import { sealJson, type PublicEcJwk } from '../../src/core/crypto/sealed-box.ts';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database.ts';
import { randomBytes } from 'node:crypto';
import { dataKeyFromBytes } from '../../src/server/data-key.ts';
import { personalDataCipher } from '../../src/server/personal-data.ts';
import { startServer } from '../../src/server/server.ts';

type Emit = (figure: { name: string; value: number; unit: string; [k: string]: unknown }) => void;

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 2000);
/** In-flight requests: 4–8 ≈ a few kiosks draining their outboxes at once (each sends one at a time); 16 = stress. */
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '4,8,16').split(',').map(Number);

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function application(i: number): ApplicationInput {
  return {
    schemaVersion: 1,
    clientId: crypto.randomUUID(),
    receiptCode: generateReceiptCode(),
    createdAt: new Date().toISOString(),
    staffAssisted: i % 10 === 0,
    applicant:
      i % 3 === 0
        ? {
            type: 'organization',
            name: `福州市某某建筑工程有限公司第${i}分公司`,
            uscc: '91350100M000100Y43',
            usccConfirmed: false,
            legalRepresentative: '王𪚥',
            contactPerson: '李四',
          }
        : {
            type: 'citizen',
            name: '阿依古丽·买买提',
            idType: 'resident-id',
            idNumber: '11010519491231002X',
            workUnit: '',
          },
    contact: {
      phone: '13812345678',
      email: '',
      address: '福建省福州市鼓楼区八一七北路1号',
      postCode: '350001',
    },
    request: {
      title: '',
      documentNumber: '',
      description: `请公开2025年第${(i % 4) + 1}季度鼓楼区东街街道最低生活保障金发放名单及审批依据。`.repeat(
        3,
      ),
      agencyId: 'gulou-civil-affairs',
      agencyName: '鼓楼区民政局',
    },
    media: ['paper', 'cd'],
    deliveries: ['post'],
    consentToPublish: i % 2 === 0,
    privacyConsent: true,
    privacyNoticeVersion: '2026-01',
  } as ApplicationInput;
}

interface Run {
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
}

/** One HTTP request as data, so the load generator can run in its own thread. */
interface RequestSpec {
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

// The load generator runs in a worker thread: a real zone server does not share its event loop with its clients,
// and undici's fetch costs about as much CPU per request as the server's own work, so an in-process client halved
// the figure it was measuring. Plain CommonJS, evaluated as is.
const CLIENT_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { requests, concurrency } = workerData;
(async () => {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const t = performance.now();
      const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses[res.status] = (statuses[res.status] || 0) + 1;
    }
  }));
  parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, latencies, statuses });
})().catch((e) => parentPort.postMessage({ error: String(e && e.stack || e) }));
`;

/** Sends `requests` with `concurrency` in flight from a worker thread; records each latency in ms. */
async function load(requests: RequestSpec[], concurrency: number): Promise<Run> {
  const worker = new Worker(CLIENT_SOURCE, { eval: true, workerData: { requests, concurrency } });
  try {
    const out = await new Promise<{
      seconds: number;
      latencies: number[];
      statuses: Record<string, number>;
      error?: string;
    }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (out.error) throw new Error(`load generator: ${out.error}`);
    return {
      seconds: out.seconds,
      latencies: out.latencies.sort((a, b) => a - b),
      statuses: new Map(Object.entries(out.statuses).map(([k, v]) => [Number(k), v])),
    };
  } finally {
    await worker.terminate();
  }
}

async function benchBackend(emit: Emit, backend: string, db: Database): Promise<void> {
  const server = await startServer({
    database: db,
    logger: false,
    intakeKeyFile: join(tmpdir(), `bench-intake-${process.pid}-${backend}.json`),
    // Personal data encrypted at rest, as deployed (issue 12): a data key of this run.
    dataKeyFile: join(tmpdir(), `bench-data-key-${process.pid}-${backend}.json`),
    retentionEveryMs: null,
    // One enrolled kiosk sends every request: its own token bucket is not what is measured.
    limits: {
      kioskRate: { ...DEFAULT_LIMITS.kioskRate, applications: { capacity: 1e9, refillPerSecond: 1e9 } },
    },
  });
  try {
    const jwk: PublicEcJwk = server.intakeKey.publicJwk;
    // Enrolled as staff would: a one-time code, then the kiosk's public key.
    const kiosk = await generateKioskKeyPair();
    const kiosks = new KioskStore(db);
    const { code } = await kiosks.createCode('bench', 'bench kiosk', new Date());
    const enrolled = await kiosks.enrolWithCode(code, kiosk.publicJwk, `bench-${backend}`, new Date());
    if (!enrolled.ok) throw new Error(`bench kiosk not enrolled: ${enrolled.reason}`);
    const keyId = await keyIdOfKioskKey(kiosk.publicJwk);
    const url = new URL(`${server.url}/api/v1/applications`);
    const make = async (n: number, from: number) => {
      const out: RequestSpec[] = [];
      for (let i = 0; i < n; i++) {
        const app = application(from + i);
        const body = JSON.stringify({
          envelope: await sealJson(jwk, app, app.clientId),
          meta: { site: 'bench', kioskId: 'bench-1', receiptRule: 'in-person' },
        });
        const signature = await signRequest(kiosk.pair.privateKey, keyId, {
          method: 'POST',
          url,
          body: utf8.encode(body),
        });
        out.push({
          url: url.href,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': app.clientId, ...signature },
          body,
        });
      }
      return out;
    };
    const health: RequestSpec = { url: `${server.url}/api/v1/health`, method: 'GET' };

    // Warm-up: JIT, connection pool, PGlite caches.
    await load(await make(100, 0), 8);
    await load(
      Array.from({ length: 200 }, () => health),
      8,
    );
    let from = 100;
    for (const CONCURRENCY of CONCURRENCIES) {
      const label = `${backend} c=${CONCURRENCY}`;

      const baseline = await load(
        Array.from({ length: APPLICATIONS }, () => health),
        CONCURRENCY,
      );
      const posts = await make(APPLICATIONS, from);
      from += APPLICATIONS;
      const before = Number(
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications'))[0]!.n,
      );
      const run = await profiled(`${backend}-c${CONCURRENCY}`, () => load(posts, CONCURRENCY));
      const after = Number(
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM applications'))[0]!.n,
      );

      const ok = run.statuses.get(201) ?? 0;
      if (ok !== APPLICATIONS || after - before !== APPLICATIONS) {
        throw new Error(
          `${label}: ${ok} of ${APPLICATIONS} answered 201, ${after - before} stored: ${JSON.stringify(Object.fromEntries(run.statuses))}`,
        );
      }
      const rate = APPLICATIONS / run.seconds;
      const p99 = quantile(run.latencies, 0.99);
      const baseRate = APPLICATIONS / baseline.seconds;
      const baseP99 = quantile(baseline.latencies, 0.99);
      const extra = { backend, db: db.description, concurrency: CONCURRENCY, requests: APPLICATIONS };
      emit({
        name: `${label} applications/s`,
        value: round(rate, 1),
        unit: 'req/s',
        budget: '>= 300 (PGlite)',
        signed: true,
        created: after - before,
        statuses: Object.fromEntries(run.statuses),
        ...extra,
      });
      emit({
        name: `${label} applications p50`,
        value: round(quantile(run.latencies, 0.5)),
        unit: 'ms',
        ...extra,
      });
      emit({
        name: `${label} applications p99`,
        value: round(p99),
        unit: 'ms',
        budget: '<= 50 (PGlite)',
        ...extra,
      });
      emit({ name: `${label} baseline GET /health/s`, value: round(baseRate, 1), unit: 'req/s', ...extra });
      emit({ name: `${label} baseline GET p99`, value: round(baseP99), unit: 'ms', ...extra });
      emit({
        name: `${label} throughput ratio (applications / baseline)`,
        value: round(rate / baseRate, 3),
        unit: 'ratio',
        ...extra,
      });
      emit({
        name: `${label} p99 ratio (applications / baseline)`,
        value: round(p99 / baseP99, 2),
        unit: 'ratio',
        ...extra,
      });
    }
  } finally {
    await server.close();
  }
}

/**
 * With BENCH_CPU_PROFILE=<folder>, the server thread's CPU profile during one measured load is written there
 * (<label>.cpuprofile, for Chrome DevTools): only the requests, not the set-up or the sealing before the clock.
 */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_CPU_PROFILE;
  if (!folder) return work();
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (err, result) => (err ? reject(err) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** The CPU price of encryption at rest alone (issue 12): AES-256-GCM of one application, independent of load. */
function benchPersonalData(emit: Emit): void {
  const cipher = personalDataCipher(dataKeyFromBytes(randomBytes(32)));
  const apps = Array.from({ length: 200 }, (_, i) => application(i));
  for (const a of apps) cipher.open(a.clientId, cipher.seal(a.clientId, a)); // warm-up
  const n = 5000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const a = apps[i % apps.length]!;
    cipher.seal(a.clientId, a);
  }
  const perSeal = ((performance.now() - t0) * 1000) / n;
  emit({ name: 'personal data seal (AES-256-GCM) per application', value: round(perSeal, 1), unit: 'µs' });
}

export default async function bench(emit: Emit): Promise<void> {
  benchPersonalData(emit);
  const dir = await mkdtemp(join(tmpdir(), 'zone-bench-'));
  try {
    const pglite = await openPglite(join(dir, 'pglite'));
    try {
      await benchBackend(emit, 'pglite', pglite);
    } finally {
      await pglite.close();
    }
    const url = process.env.DATABASE_URL;
    if (url) {
      const schema = `bench_${process.pid}`;
      const pg = await openPostgres(url, { schema, poolSize: 16 });
      try {
        await benchBackend(emit, 'postgres', pg);
      } finally {
        await pg.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
        await pg.close();
      }
    } else {
      emit({
        name: 'postgres applications/s',
        value: NaN,
        unit: 'req/s',
        skipped: 'DATABASE_URL not set (use scripts/with-postgres.sh)',
      });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
