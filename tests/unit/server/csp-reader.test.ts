// The kiosk pages may reach the terminal's ID-card reader service (issue 14), and only when one is configured.
import { describe, expect, it } from 'vitest';
import { configOrigins } from '../../../src/server/csp.ts';

describe('configOrigins and the ID-card reader', () => {
  it('adds the reader service origin for cvr-http (its default address without a url), nothing otherwise', () => {
    expect(configOrigins({ idCardReader: { protocol: 'cvr-http', url: '' } })).toEqual([
      'http://127.0.0.1:19196',
    ]);
    expect(
      configOrigins({ idCardReader: { protocol: 'cvr-http', url: 'http://localhost:8989/api' } }),
    ).toEqual(['http://localhost:8989']);
    expect(configOrigins({ idCardReader: { protocol: 'simulator' } })).toEqual([]);
    expect(configOrigins({ idCardReader: null })).toEqual([]);
    expect(configOrigins({ idCardReader: { protocol: 'cvr-http', url: 'http://[bad' } })).toEqual([]);
  });
});
