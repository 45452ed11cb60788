// Shared set-up for the server tests: storage backends (PGlite always, PostgreSQL when DATABASE_URL is set) and
// sealed request bodies.
import { openPglite, openPostgres, type Database } from '../../../src/server/db/database.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { sealJson, type PublicEcJwk } from '../../../src/core/crypto/sealed-box.ts';
import type { ApplicationInput } from '../../../src/core/application/schema.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
  /** Removes what open() created (the PostgreSQL schema). */
  dispose(db: Database): Promise<void>;
}

const databaseUrl = process.env.DATABASE_URL;
let warned = false;

export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', open: () => openPglite(), dispose: (db) => db.close() }];
  if (databaseUrl) {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    list.push({
      name: 'postgres',
      open: () => openPostgres(databaseUrl, { schema }),
      async dispose(db) {
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      },
    });
  } else if (!warned) {
    warned = true;
    console.info(
      'DATABASE_URL is not set: the PostgreSQL storage tests are skipped (run under scripts/with-postgres.sh).',
    );
  }
  return list;
}

export async function openMigrated(b: Backend): Promise<Database> {
  const db = await b.open();
  await migrate(db);
  return db;
}

export async function resetTables(db: Database): Promise<void> {
  await db.exec('TRUNCATE status_history, applications, heartbeats, kiosk_events RESTART IDENTITY CASCADE');
}

export interface IntakeBody {
  envelope: Awaited<ReturnType<typeof sealJson>>;
  meta: Record<string, unknown>;
}

export async function sealedBody(
  publicJwk: PublicEcJwk,
  app: ApplicationInput,
  meta: Record<string, unknown> = { site: 'test-site', kioskId: 'kiosk-1', receiptRule: 'in-person' },
): Promise<IntakeBody> {
  return { envelope: await sealJson(publicJwk, app, app.clientId), meta };
}

/** POSTs an application; `via` is an enrolled kiosk's signed fetch (tests/unit/server/kiosk-client.ts). */
export function postApplication(
  baseUrl: string,
  body: unknown,
  key: string | null,
  via: typeof fetch = fetch,
): Promise<Response> {
  return via(`${baseUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
