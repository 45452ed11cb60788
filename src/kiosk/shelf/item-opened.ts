// Tells the zone server an item page was opened (POST /api/v1/item-opened), for the frequently requested shelf.
// Which item and which site only. Fire and forget: offline, an older server (404) or a refusal changes nothing for
// the visitor. The same item again within a few minutes at this kiosk is not sent again (a visitor going back and
// forth is one look).
import type { ItemOpenedEvent } from '../../core/events/schema.ts';

const AGAIN_AFTER_MS = 10 * 60_000;
const lastSent = new Map<string, number>();

export async function reportItemOpened(
  serverUrl: string,
  site: string,
  itemId: string,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
  now = Date.now(),
): Promise<boolean> {
  if (globalThis.navigator?.onLine === false) return false;
  const last = lastSent.get(itemId);
  if (last !== undefined && now - last < AGAIN_AFTER_MS) return false;
  lastSent.set(itemId, now);
  const event: ItemOpenedEvent = { kind: 'item-opened', site, itemId };
  try {
    const res = await fetchFn(`${serverUrl.replace(/\/$/, '')}/api/v1/item-opened`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      keepalive: true,
    });
    return res.status === 202;
  } catch {
    return false;
  }
}
