// The kiosk's side of the frequently requested shelf: the feed with its offline copy, matching a search, and the
// item-opened report.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublishedOnRequest } from '../../../src/core/shelf/shelf.ts';
import { forgetShelf, loadShelf, shelfMatches } from '../../../src/kiosk/shelf/feed.ts';
import { reportItemOpened } from '../../../src/kiosk/shelf/item-opened.ts';

const entry = (over: Partial<PublishedOnRequest> = {}): PublishedOnRequest => ({
  id: '1',
  title: '2025年城乡低保资金发放情况',
  agencyName: '区民政局',
  itemId: null,
  url: 'https://www.moumou.gov.cn/dbzj/2025.html',
  publishedOn: '2026-12-01',
  requests: 3,
  ...over,
});

class MemoryStorage {
  private m = new Map<string, string>();
  getItem = (k: string) => this.m.get(k) ?? null;
  setItem = (k: string, v: string) => void this.m.set(k, v);
  removeItem = (k: string) => void this.m.delete(k);
}

describe('shelf feed', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
    forgetShelf();
  });

  it('shows the last good copy when the server cannot be reached, and ignores a malformed answer', async () => {
    const ok = (body: unknown) => async () => new Response(JSON.stringify(body), { status: 200 });
    const down = async (): Promise<Response> => {
      throw new TypeError('offline');
    };
    expect(await loadShelf('', ok({ entries: [entry()] }), 0)).toEqual([entry()]);
    forgetShelf(); // a restarted kiosk, offline
    expect(await loadShelf('', down, 1)).toEqual([entry()]);
    forgetShelf();
    expect(await loadShelf('', ok({ entries: [{ title: '' }] }), 2)).toEqual([entry()]);
  });

  it('after a failed fetch, asks the server again only a minute later, not at every search', async () => {
    let calls = 0;
    const missing = async () => {
      calls++;
      return new Response('not found', { status: 404 });
    };
    expect(await loadShelf('', missing, 0)).toEqual([]);
    expect(await loadShelf('', missing, 10_000)).toEqual([]);
    expect(await loadShelf('', missing, 59_000)).toEqual([]);
    expect(calls).toBe(1);
    const ok = async () => new Response(JSON.stringify({ entries: [entry()] }), { status: 200 });
    expect(await loadShelf('', ok, 61_000)).toEqual([entry()]);
  });

  it('matches a search by all of its words in the title or agency', () => {
    const list = [entry(), entry({ id: '2', title: '区政府常务会议纪要', agencyName: '区人民政府办公室' })];
    expect(shelfMatches(list, '低保 资金').map((e) => e.id)).toEqual(['1']);
    expect(shelfMatches(list, '会议纪要').map((e) => e.id)).toEqual(['2']);
    expect(shelfMatches(list, '低保 会议')).toEqual([]);
    expect(shelfMatches(list, '  ')).toEqual([]);
  });
});

describe('item-opened report', () => {
  it('sends which item and site only, and not the same item again within minutes', async () => {
    const sent: unknown[] = [];
    const fetchFn = async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response(null, { status: 202 });
    };
    expect(await reportItemOpened('http://zone', 'moumou-district', 'iabc', fetchFn, 0)).toBe(true);
    expect(await reportItemOpened('http://zone', 'moumou-district', 'iabc', fetchFn, 60_000)).toBe(false);
    expect(await reportItemOpened('http://zone', 'moumou-district', 'idef', fetchFn, 60_000)).toBe(true);
    expect(await reportItemOpened('http://zone', 'moumou-district', 'iabc', fetchFn, 11 * 60_000)).toBe(true);
    expect(sent).toEqual([
      { kind: 'item-opened', site: 'moumou-district', itemId: 'iabc' },
      { kind: 'item-opened', site: 'moumou-district', itemId: 'idef' },
      { kind: 'item-opened', site: 'moumou-district', itemId: 'iabc' },
    ]);
  });
});
