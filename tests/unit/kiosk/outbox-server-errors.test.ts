// Issue 12, item 7: the outbox retried a 500 forever. A server failing on one application is retried a few times,
// then the application is set aside for staff (and can be sent again from the staff screen); a server that is
// away (502/503/504, no network) is waited for as long as it takes.
import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  decide,
  MAX_SERVER_ERRORS,
  type AttemptResult,
  type OutboxEntry,
} from '../../../src/kiosk/outbox/machine.ts';

const entry: OutboxEntry = {
  clientId: '0b0c6a0e-7c1d-4a54-9f55-0f4f2d1e2a3b',
  receiptCode: 'ABC',
  state: 'pending',
  createdAt: '2026-03-02T02:00:00.000Z',
  receiptRule: 'in-person',
  envelope: { v: 1 } as unknown as OutboxEntry['envelope'],
  attempts: 0,
  nextAttemptAt: 0,
};

/** Feeds the same answer until the entry leaves 'pending' or `max` attempts were made. */
function run(result: AttemptResult, max = 100, start: OutboxEntry = entry): OutboxEntry {
  let e = start;
  for (let i = 0; i < max && e.state === 'pending'; i++) {
    e = applyTransition(
      e,
      decide(e, result, i * 1000, () => 0.5),
      i * 1000,
    );
  }
  return e;
}

describe('outbox and server errors', () => {
  it('a 500 on every attempt sets the application aside after a bounded number of tries', () => {
    const e = run({ kind: 'http', status: 500, body: { error: { code: 'internal', message: 'x' } } });
    expect(e.state).toBe('rejected');
    expect(e.attempts).toBe(MAX_SERVER_ERRORS);
    expect(e.rejectedReason).toMatch(/^500 internal/);
    expect(e.envelope).toBeDefined(); // kept: staff can send it again
  });

  it('an absent server (503, 502, no network) is waited for without limit', () => {
    for (const r of [
      { kind: 'http', status: 503 },
      { kind: 'http', status: 502 },
      { kind: 'network', message: 'Failed to fetch' },
    ] as AttemptResult[]) {
      expect(run(r).state).toBe('pending');
    }
  });

  it('500s separated by other answers do not add up; network failures in between do not reset them', () => {
    let e = entry;
    const step = (r: AttemptResult) =>
      (e = applyTransition(
        e,
        decide(e, r, 0, () => 0.5),
        0,
      ));
    for (let i = 0; i < 10; i++) {
      step({ kind: 'http', status: 500 });
      step({ kind: 'http', status: 429 });
    }
    expect(e.state).toBe('pending');
    for (let i = 0; i < MAX_SERVER_ERRORS - 1; i++) {
      step({ kind: 'http', status: 500 });
      step({ kind: 'network', message: 'x' });
    }
    step({ kind: 'http', status: 500 });
    expect(e.state).toBe('rejected');
  });
});
