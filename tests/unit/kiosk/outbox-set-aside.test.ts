// Applications the server refused (4xx), set aside for staff: listed without personal data, sent again, or deleted
// once handled on paper. Over fake-indexeddb with the real outbox sender.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportPublicJwk,
  generateIntakeKeyPair,
  type PublicEcJwk,
} from '../../../src/core/crypto/sealed-box.ts';
import { OutboxDb } from '../../../src/kiosk/outbox/db.ts';
import { Outbox } from '../../../src/kiosk/outbox/outbox.ts';
import {
  discardSetAside,
  listSetAside,
  parseRefusal,
  requeueSetAside,
} from '../../../src/kiosk/outbox/set-aside.ts';
import { sampleApplication } from './sample-application.ts';

describe('parseRefusal', () => {
  it.each([
    ['400 invalid_application: 邮政编码应为6位数字', { status: 400, code: 'invalid_application' }],
    ['409 idempotency_conflict', { status: 409, code: 'idempotency_conflict' }],
    ['413 http_413', { status: 413, code: 'http_413' }],
    ['network: timeout', { status: null, code: null }],
    [undefined, { status: null, code: null }],
  ])('%s', (reason, expected) => {
    expect(parseRefusal(reason)).toEqual(expected);
  });
});

describe('set-aside applications', () => {
  let db: OutboxDb;
  let pub: PublicEcJwk;
  let n = 0;
  /** What the fake server answers next: a 4xx refusal (with a message quoting the visitor) or an acknowledgement. */
  let answer: 'refuse' | 'accept';
  let requests = 0;

  const fetchFn: typeof fetch = async (_input, init) => {
    requests++;
    const id = (init?.headers as Record<string, string>)['Idempotency-Key']!;
    if (answer === 'refuse')
      return Response.json(
        { error: { code: 'invalid_application', message: '电子邮箱“@”后面的“zhangsan-home”不像邮箱域名' } },
        { status: 400 },
      );
    return Response.json(
      {
        number: requests,
        clientId: id,
        receiptCode: 'X',
        status: '已受理',
        deliveredAt: '2026-03-02T02:00:01.000Z',
        receivedOn: '2026-03-02',
        dueOn: '2026-03-30',
      },
      { status: 201 },
    );
  };

  beforeEach(async () => {
    db = new OutboxDb(`outbox-set-aside-${++n}`);
    pub = await exportPublicJwk((await generateIntakeKeyPair()).publicKey);
    answer = 'refuse';
    requests = 0;
  });

  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  async function refusedTwo(): Promise<{ box: Outbox; first: string; second: string }> {
    const box = new Outbox({ db, fetch: fetchFn, random: () => 0.5, events: null });
    const a = sampleApplication({ createdAt: '2026-03-02T02:00:00.000Z' });
    const b = sampleApplication({ createdAt: '2026-03-02T03:00:00.000Z' });
    await box.enqueue(b, pub, 'in-person');
    await box.enqueue(a, pub, 'in-person');
    await box.kick();
    expect(await box.counts()).toEqual({ pending: 0, acknowledged: 0, rejected: 2 });
    return { box, first: a.clientId, second: b.clientId };
  }

  it('lists refused applications oldest first: receipt code, dates, status and code, no message', async () => {
    const { box, first, second } = await refusedTwo();
    const list = await listSetAside(db);
    expect(list.map((e) => e.clientId)).toEqual([first, second]);
    const firstEntry = (await box.get(first))!;
    expect(list[0]).toEqual({
      clientId: first,
      receiptCode: firstEntry.receiptCode,
      createdAt: '2026-03-02T02:00:00.000Z',
      rejectedAt: firstEntry.rejectedAt,
      status: 400,
      code: 'invalid_application',
      canResend: true,
    });
    // Nothing the visitor typed (the server's message quotes it) reaches the list.
    expect(JSON.stringify(list)).not.toContain('zhangsan');
    expect(JSON.stringify(list)).not.toContain('邮箱');
  });

  it('sends one again: back in the queue, delivered on the next kick; the others stay set aside', async () => {
    const { box, first, second } = await refusedTwo();
    answer = 'accept';
    expect(await requeueSetAside(db, first)).toBe(true);
    expect((await box.get(first))!).toMatchObject({ state: 'pending', nextAttemptAt: 0 });
    expect((await box.get(first))!.rejectedReason).toBeUndefined();
    await box.kick({ force: true });
    expect((await box.get(first))!).toMatchObject({ state: 'acknowledged' });
    expect((await listSetAside(db)).map((e) => e.clientId)).toEqual([second]);
    // Only set-aside ones: a delivered application is not put back.
    expect(await requeueSetAside(db, first)).toBe(false);
    expect(await requeueSetAside(db, 'no-such-id')).toBe(false);
  });

  it('refused again after a resend: set aside again', async () => {
    const { box, first } = await refusedTwo();
    expect(await requeueSetAside(db, first)).toBe(true);
    await box.kick({ force: true });
    expect((await box.get(first))!).toMatchObject({ state: 'rejected', rejectedReason: expect.any(String) });
    expect((await listSetAside(db)).length).toBe(2);
  });

  it('deletes one handled on paper, ciphertext and all; never a pending or delivered one', async () => {
    const { box, first, second } = await refusedTwo();
    expect(await discardSetAside(db, first)).toBe(true);
    expect(await box.get(first)).toBeNull();
    expect((await listSetAside(db)).map((e) => e.clientId)).toEqual([second]);
    expect(await discardSetAside(db, first)).toBe(false);

    const pending = sampleApplication();
    await box.enqueue(pending, pub, 'in-person');
    expect(await discardSetAside(db, pending.clientId)).toBe(false);
    expect((await box.get(pending.clientId))!.state).toBe('pending');
  });
});
