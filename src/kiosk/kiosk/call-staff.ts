// 呼叫工作人员: tells the zone server that a visitor asks for help at this kiosk (POST /api/v1/events, answered 202;
// staff see the call on /staff/status). A server without the endpoint (404) or no network is tolerated, and the
// visitor is always shown where the desk is.
import type { CallStaffEvent } from '../../core/events/schema.ts';

export type CallOutcome = 'sent' | 'unsupported' | 'offline' | 'failed';

/** This kiosk's id (as in its heartbeats), or undefined when it cannot be read within a second. */
async function ownKioskId(read: () => Promise<string>): Promise<string | undefined> {
  try {
    return await Promise.race([
      read(),
      new Promise<undefined>((ok) => setTimeout(() => ok(undefined), 1000)),
    ]);
  } catch {
    return undefined;
  }
}

export async function callStaff(
  serverUrl: string,
  site: string,
  // Signed by this kiosk's key; loaded on use like the kiosk id (auth/signed-fetch.ts).
  fetchFn: typeof fetch = async (i, init) => (await import('../auth/signed-fetch.ts')).kioskFetch(i, init),
  online = globalThis.navigator?.onLine !== false,
  // Loaded on use: the health module brings Dexie, which the first paint does not need.
  readKioskId: () => Promise<string> = async () => (await import('../staff/health.ts')).kioskId(site),
): Promise<CallOutcome> {
  if (!online) return 'offline';
  const url = `${serverUrl.replace(/\/$/, '')}/api/v1/events`;
  const id = await ownKioskId(readKioskId);
  const event: CallStaffEvent = {
    kind: 'call-staff',
    site,
    ...(id ? { kioskId: id } : {}),
    at: new Date().toISOString(),
  };
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return 'sent';
    return res.status === 404 || res.status === 405 ? 'unsupported' : 'failed';
  } catch {
    return 'failed';
  }
}
