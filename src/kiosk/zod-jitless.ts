// Imported first by every kiosk entry point (the page and each worker). The kiosk runs under a
// Content-Security-Policy without 'unsafe-eval' (src/server/csp.ts): zod's compiled parsers need `new Function`,
// and even zod's probe for it, made when a schema is built, is reported as a violation. So zod must be jitless
// before any schema module runs. zod keeps its settings on `globalThis.__zod_globalConfig` (the object `z.config()`
// writes): setting it here, without importing zod, keeps zod out of the first paint (importing `config` from zod
// added 3.5 KB gzip to it). tests/unit/kiosk/zod-jitless.test.ts checks that zod still reads it there.
// The price, measured on a 10k-document bundle's data files in Node: schema checks 92–95 ms compiled, 132–150 ms
// jitless, about 2 % of the update worker's first-start import; the policy is worth more.
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
scope.__zod_globalConfig = { ...scope.__zod_globalConfig, jitless: true };

export {};
