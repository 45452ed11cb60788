import { randomBytes } from 'node:crypto';
import { dataKeyFromBytes } from '../../../src/server/data-key.ts';
// Due dates across a year whose holiday notice the server's bundle lacks: 预计 in the look-up and the export, then
// recomputed from the notice once a bundle brings it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../src/core/bundle/schema.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { startServer, type RunningServer } from '../../../src/server/server.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { CALENDAR_2026, CALENDAR_2027_TEST_NOTICE, CALENDAR_2027_UNPUBLISHED } from '../calendar/fixtures.ts';
import { backends, openMigrated, postApplication, sealedBody } from './helpers.ts';
import { enrolTestKiosk, type TestKiosk } from './kiosk-client.ts';

const STAFF = 'staff-secret-token-0123456789abcdef';
const auth = { authorization: `Bearer ${STAFF}` };

describe.each(backends())('deadlines in a year without its notice on $name', (backend) => {
  let db: Database;
  let key: RunningServer['intakeKey'];
  const servers: RunningServer[] = [];
  let kiosk: TestKiosk | undefined;
  const dataKey = dataKeyFromBytes(randomBytes(32));

  const serve = async (calendar: CalendarYear[], now: string) => {
    const server = await startServer({
      database: db,
      ...(key ? { intakeKey: key } : {}),
      dataKey, // both servers read the same rows
      dataDir: `${process.env.TMPDIR ?? '/tmp'}/zone-deadline-test-${process.pid}`,
      staffToken: STAFF,
      calendar,
      logger: false,
      now: () => new Date(now),
    });
    key = server.intakeKey;
    servers.push(server);
    kiosk ??= await enrolTestKiosk(db, { site: 'test-site', kioskId: 'kiosk-1' });
    return server;
  };

  const lookUp = async (server: RunningServer, code: string) =>
    (await fetch(`${server.url}/api/v1/applications/status?code=${code}&phone4=5678`)).json();
  const exported = async (server: RunningServer) => {
    const json = await (await fetch(`${server.url}/api/v1/staff/export.json`, { headers: auth })).json();
    const csv = await (await fetch(`${server.url}/api/v1/staff/export.csv`, { headers: auth })).text();
    return { json, csv: csv.trimEnd().split('\r\n') };
  };

  beforeAll(async () => {
    db = await openMigrated(backend);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await backend.dispose(db);
  });

  it('filed on 2026-12-10: due 2027-01-08 (预计), firm once the 2027 notice arrives', async () => {
    const before = await serve([CALENDAR_2026, CALENDAR_2027_UNPUBLISHED], '2026-12-10T02:00:00Z');
    const early = citizenApplication({ createdAt: '2026-12-10T10:00:00+08:00' });
    const ack = await postApplication(
      before.url,
      await sealedBody(before.intakeKey.publicJwk, early),
      early.clientId,
      kiosk!.fetch,
    );
    expect(await ack.json()).toMatchObject({ receivedOn: '2026-12-10', dueOn: '2027-01-08' });
    expect(await lookUp(before, early.receiptCode)).toMatchObject({
      dueOn: '2027-01-08',
      dueOnProvisional: true,
      dueOnEstimatedYears: [2027],
    });

    // Filed on 2027-01-25, still without the notice: 春节 counted by the rules (2-05 … 2-10).
    const january = await serve([CALENDAR_2026, CALENDAR_2027_UNPUBLISHED], '2027-01-25T02:00:00Z');
    const late = citizenApplication({ createdAt: '2027-01-25T10:00:00+08:00' });
    await postApplication(
      january.url,
      await sealedBody(january.intakeKey.publicJwk, late),
      late.clientId,
      kiosk!.fetch,
    );
    expect(await lookUp(january, late.receiptCode)).toMatchObject({
      dueOn: '2027-02-26',
      dueOnProvisional: true,
    });
    const { json, csv } = await exported(january);
    expect(
      json.applications.map((r: { dueOn: string; dueOnProvisional: boolean }) => [
        r.dueOn,
        r.dueOnProvisional,
      ]),
    ).toEqual([
      ['2027-01-08', true],
      ['2027-02-26', true],
    ]);
    const header = csv[0]!.replace(/^\uFEFF/, '').split(',');
    const due = header.indexOf('答复期限');
    expect(header[due + 1]).toBe('答复期限说明');
    expect(csv[2]!.split(',')[due]).toBe('2027-02-26');
    expect(csv[2]!.split(',')[due + 1]).toBe('预计（2027年节假日安排未公布）');

    // A bundle brings the 2027 notice (春节 2-05 … 2-13, Saturday 2-20 worked): recomputed, no longer 预计.
    const after = await serve([CALENDAR_2026, CALENDAR_2027_TEST_NOTICE], '2027-01-26T02:00:00Z');
    const firm = await lookUp(after, late.receiptCode);
    expect(firm).toMatchObject({ dueOn: '2027-03-01' });
    expect(firm).not.toHaveProperty('dueOnProvisional');
    expect(await lookUp(after, early.receiptCode)).not.toHaveProperty('dueOnProvisional');
    const again = await exported(after);
    expect(
      again.json.applications.map((r: { dueOn: string; dueOnProvisional: boolean }) => [
        r.dueOn,
        r.dueOnProvisional,
      ]),
    ).toEqual([
      ['2027-01-08', false],
      ['2027-03-01', false],
    ]);
    expect(again.csv[2]!.split(',')[due + 1]).toBe('');
  });
});
