// Staff read local time (issue 14): the site's zone from kiosk-config, on the status page and in the CSV export.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localTime, siteTimeZone, zoneLabel } from '../../../src/server/site-time.ts';
import { renderStatusPage, kioskRow } from '../../../src/server/status-page.ts';
import { CSV_HEADER, csvRow, type DatedExportRow } from '../../../src/server/routes/export-csv.ts';
import { sampleApplication } from '../kiosk/sample-application.ts';

describe('localTime', () => {
  it('writes an instant in the site zone, not UTC', () => {
    expect(localTime('2026-11-23T10:05:09Z', 'Asia/Shanghai')).toBe('2026-11-23 18:05');
    expect(localTime('2026-11-23T20:05:09Z', 'Asia/Shanghai', true)).toBe('2026-11-24 04:05:09');
    expect(localTime('2026-07-01T12:00:00Z', 'Asia/Urumqi')).toBe('2026-07-01 18:00');
    expect(localTime(null, 'Asia/Shanghai')).toBe('');
    expect(zoneLabel('Asia/Shanghai')).toBe('北京时间');
  });

  it('takes the zone from kiosk-config, Asia/Shanghai without one or with a wrong one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'site-time-'));
    const file = join(dir, 'kiosk-config.json');
    await writeFile(file, JSON.stringify({ site: 'x', timeZone: 'Asia/Urumqi' }));
    expect(await siteTimeZone(file)()).toBe('Asia/Urumqi');
    await writeFile(file, JSON.stringify({ site: 'x', timeZone: 'Mars/Olympus' }));
    expect(await siteTimeZone(file)()).toBe('Asia/Shanghai');
    expect(await siteTimeZone(null)()).toBe('Asia/Shanghai');
  });
});

describe('the status page', () => {
  it('shows heartbeats and its own time in local time with the zone named, never a UTC stamp', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const row = kioskRow(
      {
        kioskId: 'k1',
        receivedAt: '2026-11-23T09:58:00Z',
        body: { outbox: { pending: 0, acknowledged: 4, rejected: 0 }, storage: { persisted: false } },
      },
      now,
    );
    const html = renderStatusPage([row], now, undefined, undefined, 'Asia/Shanghai');
    expect(html).toContain('2026-11-23 17:58');
    expect(html).toContain('生成于 2026-11-23 18:00（北京时间）');
    expect(html).toContain('已送达 4');
    expect(html).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    // 未持久化 comes with what to do.
    expect(html).toContain('DEPLOY.md');
  });
});

describe('the CSV export', () => {
  it('writes the filing and delivery times in the site zone', () => {
    const row = {
      number: 1,
      receiptCode: 'ABC',
      status: 'received',
      statusUpdatedAt: '2026-11-23T16:30:00Z',
      filedAt: '2026-11-23T16:30:05Z',
      deliveredAt: '2026-11-23T16:31:00Z',
      receivedOn: null,
      dueOn: null,
      receiptRule: 'in-person',
      clientId: 'c1',
      statusNote: '',
      staffAssisted: false,
      meta: {},
      application: sampleApplication(),
      dueOnProvisional: false,
      dueOnEstimatedYears: [],
    } as unknown as DatedExportRow;
    const cells = csvRow(row, 'Asia/Shanghai');
    const at = CSV_HEADER.indexOf('提交时间');
    expect(cells[at]).toBe('2026-11-24 00:30:05');
    expect(cells[CSV_HEADER.indexOf('送达服务器时间')]).toBe('2026-11-24 00:31:00');
    expect(csvRow(row)[at]).toBe('2026-11-24 00:30:05');
  });
});
