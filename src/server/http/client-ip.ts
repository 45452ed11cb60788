// The client address a rate limit keys on: the socket's peer, or behind trusted reverse proxies the address the
// nearest untrusted hop had. Each proxy appends the address it saw to X-Forwarded-For (nginx's
// $proxy_add_x_forwarded_for), so the entries on the left are whatever the client wrote: keying on the leftmost
// let anyone pick a fresh key per request. With `trustedHops` proxies in front, the client is the entry that many
// places from the right.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The address `trustedHops` proxies vouch for: the rightmost entry they did not add themselves. */
export function forwardedClient(xff: string, trustedHops: number): string | null {
  const hops = xff
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!hops.length) return null;
  // Fewer entries than trusted proxies: the leftmost is still one a trusted proxy wrote.
  return hops[Math.max(0, hops.length - trustedHops)] ?? null;
}

/** `trustProxy`: false (no proxy), true (one proxy) or the number of trusted proxies in front of the server. */
export function clientIpOf(trustProxy: boolean | number): (c: Context) => string {
  const trustedHops =
    trustProxy === true ? 1 : trustProxy === false ? 0 : Math.max(0, Math.floor(trustProxy));
  return (c) => {
    if (trustedHops > 0) {
      const xff = c.req.header('x-forwarded-for');
      const client = xff ? forwardedClient(xff, trustedHops) : null;
      if (client) return client;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
}
