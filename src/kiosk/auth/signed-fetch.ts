// The one place kiosk requests get signed (RFC 9421, src/core/auth/request-signature.ts): applications, heartbeats,
// events and kiosk-config go through `kioskFetch`, a drop-in for fetch. Unenrolled, it sends the request unsigned
// (the server answers 401 and the outbox keeps what it holds). A kiosk whose clock drifted out of the replay window
// learns the server's time from the 401 that says so and signs again once.
import { signRequest } from '../../core/auth/request-signature.ts';
import { utf8 } from '../../core/bundle/encoding.ts';

export interface SigningIdentity {
  privateKey: CryptoKey;
  keyId: string;
}

export interface SignedFetchOptions {
  identity: () => Promise<SigningIdentity | null>;
  fetchFn?: typeof fetch;
  now?: () => number;
}

function bodyBytes(body: BodyInit | null | undefined): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return utf8.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new Error('kioskFetch signs string or byte bodies only');
}

/** A fetch that signs every request with the identity's key. */
export function signedFetch(opts: SignedFetchOptions): typeof fetch {
  const fetchFn = opts.fetchFn ?? ((i, init) => fetch(i, init));
  const now = opts.now ?? (() => Date.now());
  let offsetMs = 0;
  const send = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const identity = await opts.identity();
    if (!identity) return fetchFn(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href);
    const method = (init.method ?? 'GET').toUpperCase();
    const signature = await signRequest(
      identity.privateKey,
      identity.keyId,
      { method, url, body: bodyBytes(init.body) },
      new Date(now() + offsetMs),
    );
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(signature)) headers.set(name, value);
    return fetchFn(input, { ...init, headers });
  };
  return async (input, init) => {
    const res = await send(input, init);
    // Our clock was off by more than the window: sign once more with the server's time, just learned.
    if (res.status === 401 && res.headers.get('www-authenticate') === 'Signature') {
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: string; serverTime?: string } } | null;
      const serverTime = Date.parse(body?.error?.serverTime ?? '');
      if (body?.error?.code === 'signature_stale' && Number.isFinite(serverTime)) {
        offsetMs = serverTime - now();
        return send(input, init);
      }
    }
    return res;
  };
}

let shared: typeof fetch | null = null;

/** fetch for every kiosk request to the zone server: signed with this kiosk's enrolled key. */
export const kioskFetch: typeof fetch = (input, init) => {
  shared ??= signedFetch({
    identity: async () => (await import('./enrolment.ts')).signingIdentity(),
  });
  return shared(input, init);
};
