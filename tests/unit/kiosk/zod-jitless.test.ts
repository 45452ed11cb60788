// The kiosk sets zod's jitless option without importing zod (src/kiosk/zod-jitless.ts): this holds only while zod
// reads its settings from the same global object. If a zod upgrade moves them, this fails before a kiosk does.
import { describe, expect, it } from 'vitest';

describe('zod jitless for the kiosk CSP', () => {
  it('zod, loaded after the kiosk module, is jitless and never probes for new Function', async () => {
    await import('../../../src/kiosk/zod-jitless.ts');
    const RealFunction = globalThis.Function;
    let probed = 0;
    // A Function constructor that counts calls (zod's probe is `new Function("")`).
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args) {
        probed++;
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const { z } = await import('zod');
      expect(z.config().jitless).toBe(true);
      const schema = z.object({ a: z.string(), b: z.number().int() });
      expect(schema.parse({ a: 'x', b: 1 })).toEqual({ a: 'x', b: 1 });
      expect(schema.safeParse({ a: 1 }).success).toBe(false);
      expect(probed).toBe(0);
    } finally {
      globalThis.Function = RealFunction;
    }
  });
});
