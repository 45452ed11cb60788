// 呼叫工作人员: tells the zone server that a visitor asks for help at this kiosk. The server does not have the
// endpoint yet (POST /api/v1/heartbeats is the only kiosk endpoint): a 404 or no network is tolerated, and the
// visitor is always shown where the desk is.

export type CallOutcome = 'sent' | 'unsupported' | 'offline' | 'failed';

export async function callStaff(
  serverUrl: string,
  site: string,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
  online = globalThis.navigator?.onLine !== false,
): Promise<CallOutcome> {
  if (!online) return 'offline';
  const url = `${serverUrl.replace(/\/$/, '')}/api/v1/events`;
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'call-staff', site, at: new Date().toISOString() }),
      signal: AbortSignal.timeout(5000),
    });
    if (res.ok) return 'sent';
    return res.status === 404 || res.status === 405 ? 'unsupported' : 'failed';
  } catch {
    return 'failed';
  }
}
