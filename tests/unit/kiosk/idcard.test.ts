// The ID-card reader adapters (issue 14): the 华视 CVR local HTTP service and the simulator.
import { describe, expect, it } from 'vitest';
import {
  cvrHttpReader,
  IdCardError,
  readerFromConfig,
  SIMULATED_CARD,
  simulatedReader,
} from '../../../src/kiosk/idcard/reader.ts';

/** A fake CVR service: answers per path, records what was asked. */
function fakeService(answers: Record<string, unknown>, asked: string[] = []): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    asked.push(url.origin + url.pathname);
    const body = answers[url.pathname.slice(1)];
    if (body === undefined) return new Response('no', { status: 404 });
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

const READ_OK = {
  resultFlag: 0,
  errorMsg: '读卡成功',
  partyName: '王小明 ',
  certNumber: '11010519491231002x',
  certAddress: '北京市东城区某某街1号',
  identityPic: 'AAAA',
  gender: '男',
};

describe('the CVR HTTP reader', () => {
  it('opens the device, reads the card and keeps only the name and the ID number', async () => {
    const asked: string[] = [];
    const reader = cvrHttpReader(
      'http://127.0.0.1:19196/',
      fakeService({ OpenDevice: { resultFlag: 0 }, readcard: READ_OK }, asked),
    );
    const card = await reader.read();
    expect(card).toEqual({ name: '王小明', idNumber: '11010519491231002X' });
    expect(Object.keys(card).sort()).toEqual(['idNumber', 'name']);
    expect(asked).toEqual(['http://127.0.0.1:19196/OpenDevice', 'http://127.0.0.1:19196/readcard']);
  });

  it('says what went wrong: no reader, no card, an unusable answer, no service', async () => {
    const problem = (f: typeof fetch) =>
      cvrHttpReader('http://127.0.0.1:19196', f)
        .read()
        .then(
          () => 'read',
          (e: unknown) => (e instanceof IdCardError ? e.problem : 'other'),
        );
    expect(await problem(fakeService({ OpenDevice: { resultFlag: -1, errorMsg: '端口打开失败' } }))).toBe(
      'unavailable',
    );
    expect(
      await problem(
        fakeService({ OpenDevice: { resultFlag: 0 }, readcard: { resultFlag: -2, errorMsg: '读卡失败' } }),
      ),
    ).toBe('no-card');
    expect(
      await problem(
        fakeService({ OpenDevice: { resultFlag: 0 }, readcard: { ...READ_OK, certNumber: '123' } }),
      ),
    ).toBe('bad-data');
    expect(await problem(fakeService({ OpenDevice: { resultFlag: 0 }, readcard: 'not json shape' }))).toBe(
      'bad-data',
    );
    expect(
      await problem((async () => {
        throw new TypeError('connection refused');
      }) as typeof fetch),
    ).toBe('unavailable');
  });
});

describe('readerFromConfig', () => {
  it('has no reader without one in kiosk-config, the simulator or the CVR adapter otherwise', async () => {
    expect(readerFromConfig(null)).toBeNull();
    expect(readerFromConfig({ idCardReader: null })).toBeNull();
    const sim = readerFromConfig({ idCardReader: { protocol: 'simulator', url: '' } });
    expect(await sim!.read()).toEqual(SIMULATED_CARD);
    expect(readerFromConfig({ idCardReader: { protocol: 'cvr-http', url: '' } })).not.toBeNull();
  });

  it('the simulator can be cancelled', async () => {
    const ctl = new AbortController();
    const p = simulatedReader(1000).read(ctl.signal);
    ctl.abort();
    await expect(p).rejects.toBeInstanceOf(IdCardError);
  });
});
