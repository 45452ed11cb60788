// The desk's retention preview against the retention job itself: every receipt code the preview lists for a month
// (or as already due) is deleted by a run at the end of that month and not by a run just before its own time; open
// applications and other agencies' (for a clerk) are never listed.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateApplication, type ApplicationInput } from '../../../src/core/application/schema.ts';
import type { ApplicationStatus } from '../../../src/core/application/status.ts';
import { DEFAULT_RETENTION, type Retention } from '../../../src/core/config/retention.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { dataKeyFromBytes } from '../../../src/server/data-key.ts';
import { personalDataCipher } from '../../../src/server/personal-data.ts';
import { retentionPreview, runRetention } from '../../../src/server/retention.ts';
import { ApplicationStore, lookupHash } from '../../../src/server/store.ts';
import { citizenApplication } from '../application/fixtures.ts';
import { backends, openMigrated, resetTables } from './helpers.ts';

const DAY = 86_400_000;
const RETENTION: Retention = { ...DEFAULT_RETENTION, applicationDays: 30 };
const NOW = new Date('2026-06-15T04:00:00Z');
const TZ = 'Asia/Shanghai';

describe.each(backends())('retention preview on $name', (backend) => {
  let db: Database;
  let store: ApplicationStore;

  beforeAll(async () => {
    db = await openMigrated(backend);
    store = new ApplicationStore(db, personalDataCipher(dataKeyFromBytes(randomBytes(32))));
  });
  afterAll(async () => {
    await backend.dispose(db);
  });
  beforeEach(async () => {
    await resetTables(db);
  });

  /** Stores one application with this status, last changed at `changedAt`; returns its receipt code. */
  async function stored(status: ApplicationStatus, changedAt: Date, agencyId = 'minzheng'): Promise<string> {
    const input: ApplicationInput = citizenApplication();
    input.request = { ...input.request, agencyId };
    const r = validateApplication(input);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const outcome = await store.insert({
      application: r.value,
      contentHash: `h-${r.value.clientId}`,
      lookupHash: lookupHash(r.value.receiptCode, '5678'),
      receiptRule: 'in-person',
      meta: {},
      filedAt: new Date('2026-01-05T02:00:00Z'),
      deliveredAt: new Date('2026-01-05T02:00:00Z'),
      receivedOn: '2026-01-05',
      dueOn: '2026-02-02',
      status,
    });
    expect(outcome.kind).toBe('created');
    await db.query('UPDATE applications SET status_updated_at = $2 WHERE receipt_code = $1', [
      r.value.receiptCode,
      changedAt.toISOString(),
    ]);
    return r.value.receiptCode;
  }

  const deletedCodes = async () =>
    new Set(
      (
        await db.query<{ receipt_code: string }>(
          'SELECT receipt_code FROM applications WHERE personal_deleted_at IS NOT NULL',
        )
      ).map((r) => r.receipt_code),
    );

  it('lists exactly what each run deletes, month by month, in the site’s time zone', async () => {
    const days = (n: number) => new Date(NOW.getTime() - n * DAY);
    const overdue = await stored('予以公开', days(45));
    const overdueToo = await stored('不予公开', days(31));
    const june = await stored('部分公开', days(20)); // goes 2026-06-25
    const juneLater = await stored('无法提供', days(16)); // goes 2026-06-29
    // Goes at 2026-06-30T17:00Z: still June in UTC, but 1 July in Beijing.
    const julyInBeijing = await stored('其他处理', new Date('2026-05-31T17:00:00Z'));
    const july = await stored('不予处理', days(-10)); // replied "in the future" relative to NOW: goes 2026-07-25
    const open = await stored('已受理', days(200));
    const other = await stored('予以公开', days(19), 'jiaoyu'); // goes 2026-06-26

    const preview = await retentionPreview(store, RETENTION, {
      now: NOW,
      timeZone: TZ,
      agencies: null,
      codesPerMonth: 100,
    });
    const codesOf = (month: string) =>
      preview.months.find((m) => m.month === month)?.first.map((f) => f.receiptCode) ?? [];
    expect(preview.applicationDays).toBe(30);
    expect(preview.months.map((m) => [m.month, m.count])).toEqual([
      ['due', 2],
      ['2026-06', 3],
      ['2026-07', 2],
    ]);
    expect(codesOf('due')).toEqual([overdue, overdueToo]);
    expect(codesOf('2026-06')).toEqual([june, other, juneLater]);
    expect(codesOf('2026-07')).toEqual([julyInBeijing, july]);
    const listed = preview.months.flatMap((m) => m.first.map((f) => f.receiptCode));
    expect(listed).not.toContain(open);
    expect(preview.months.find((m) => m.month === '2026-07')!.first[0]!.removalOn).toBe('2026-07-01');

    // The job at NOW deletes exactly the due ones.
    let before = await deletedCodes();
    await runRetention(store, RETENTION, NOW);
    let after = await deletedCodes();
    expect([...after].filter((c) => !before.has(c)).sort()).toEqual(codesOf('due').sort());

    // Each listed application: a run just before its time leaves it, a run just after deletes it.
    for (const month of preview.months.filter((m) => m.month !== 'due')) {
      for (const f of month.first) {
        const at = Date.parse(f.removalAt);
        await runRetention(store, RETENTION, new Date(at - 1000));
        expect((await deletedCodes()).has(f.receiptCode), `${f.receiptCode} kept before`).toBe(false);
        await runRetention(store, RETENTION, new Date(at + 1000));
        expect((await deletedCodes()).has(f.receiptCode), `${f.receiptCode} deleted after`).toBe(true);
      }
    }
    // At the end of all of it: exactly the listed ones were deleted, never the open one.
    before = new Set(listed);
    after = await deletedCodes();
    expect([...after].sort()).toEqual([...before].sort());
    await runRetention(store, RETENTION, new Date(NOW.getTime() + 365 * DAY));
    expect((await deletedCodes()).has(open)).toBe(false);
  });

  it('a clerk sees only their agencies; a month lists its first codes and the full count', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 7; i++)
      codes.push(await stored('予以公开', new Date(NOW.getTime() - (25 - i) * DAY)));
    await stored('予以公开', new Date(NOW.getTime() - 20 * DAY), 'jiaoyu');
    const preview = await retentionPreview(store, RETENTION, {
      now: NOW,
      timeZone: TZ,
      agencies: ['minzheng'],
      codesPerMonth: 3,
    });
    expect(preview.months).toHaveLength(1);
    expect(preview.months[0]!.count).toBe(7);
    expect(preview.months[0]!.first.map((f) => f.receiptCode)).toEqual(codes.slice(0, 3));
    // Once deleted, an application is no longer in the preview.
    await runRetention(store, RETENTION, new Date(NOW.getTime() + 60 * DAY));
    const later = await retentionPreview(store, RETENTION, { now: NOW, timeZone: TZ, agencies: null });
    expect(later.months).toEqual([]);
  });
});
