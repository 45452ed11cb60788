// The write probe behind GET /api/v1/health: "ok" only when the database committed a write just now (a full disk,
// a damaged page or a read-only database make every intake fail while reads still work). One probe at a time,
// its result reused for `maxAgeMs`, so a monitor polling health does not add a write per request.

export type ProbeResult = { ok: true; at: number } | { ok: false; at: number; message: string };

export function writeProbe(write: () => Promise<void>, maxAgeMs = 1000): () => Promise<ProbeResult> {
  let last: ProbeResult | null = null;
  let inFlight: Promise<ProbeResult> | null = null;
  return () => {
    if (last && performance.now() - last.at < maxAgeMs) return Promise.resolve(last);
    inFlight ??= write().then(
      (): ProbeResult => ({ ok: true, at: performance.now() }),
      (e: unknown): ProbeResult => ({
        ok: false,
        at: performance.now(),
        message: (e instanceof Error ? e.message : String(e)).slice(0, 200),
      }),
    );
    return inFlight.then((r) => {
      last = r;
      inFlight = null;
      return r;
    });
  };
}
