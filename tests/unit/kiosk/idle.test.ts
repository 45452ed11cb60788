import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, idleOverride, timingsFor, type IdleCallbacks } from '../../../src/kiosk/kiosk/idle.ts';

function setup(timeoutMs = 90_000, warningMs = 30_000) {
  const events: string[] = [];
  const cb: IdleCallbacks = {
    onWarn: (s) => events.push(`warn ${s}`),
    onTick: (s) => events.push(`tick ${s}`),
    onContinue: () => events.push('continue'),
    onExpire: () => events.push('expire'),
  };
  const timer = new IdleTimer(() => ({ timeoutMs, warningMs }), cb);
  return { timer, events };
}

describe('IdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('warns after the idle time, counts down at least the warning time, then expires once', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(89_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1_250);
    expect(events).toEqual(['warn 30']);
    expect(timer.phase).toBe('warning');
    expect(timer.secondsLeft()).toBe(30);
    vi.advanceTimersByTime(29_000);
    expect(events.at(-1)).toBe('tick 1');
    expect(events.filter((e) => e === 'expire')).toEqual([]);
    vi.advanceTimersByTime(1_500);
    expect(events.filter((e) => e === 'expire')).toEqual(['expire']);
    expect(timer.phase).toBe('stopped');
    vi.advanceTimersByTime(600_000);
    expect(events.filter((e) => e === 'expire')).toHaveLength(1);
  });

  it('activity before the warning restarts the idle time', () => {
    const { timer, events } = setup();
    timer.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(60_000);
      timer.activity();
    }
    expect(events).toEqual([]);
    vi.advanceTimersByTime(89_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1_250);
    expect(events).toEqual(['warn 30']);
  });

  it('继续使用 keeps the visit, as often as wanted (more than ten times)', () => {
    const { timer, events } = setup();
    timer.start();
    for (let i = 0; i < 12; i++) {
      vi.advanceTimersByTime(91_000);
      expect(timer.phase).toBe('warning');
      vi.advanceTimersByTime(20_000);
      timer.continueVisit();
      expect(timer.phase).toBe('active');
    }
    expect(timer.extensions).toBe(12);
    expect(events).not.toContain('expire');
    expect(events.filter((e) => e === 'continue')).toHaveLength(12);
  });

  it('ignores stray activity while the warning is open (only 继续使用 closes it)', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(91_000);
    timer.activity();
    expect(timer.phase).toBe('warning');
    vi.advanceTimersByTime(31_000);
    expect(events).toContain('expire');
  });

  it('reads the route and settings a few times a minute while a visitor is busy, not four times a second', () => {
    // Each look at the timings parses the address and the settings: on a kiosk CPU that work landed inside
    // keystrokes when it ran every 250 ms.
    let reads = 0;
    const timer = new IdleTimer(
      () => {
        reads++;
        return { timeoutMs: 90_000, warningMs: 30_000 };
      },
      { onWarn: () => {}, onTick: () => {}, onContinue: () => {}, onExpire: () => {} },
    );
    timer.start();
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(1_000);
      timer.activity();
    }
    expect(timer.phase).toBe('active');
    expect(reads).toBeLessThanOrEqual(14);
  });

  it('a visitor who leaves the form for a shorter timeout is warned within seconds of it', () => {
    let route = 'apply';
    const events: string[] = [];
    const timer = new IdleTimer(
      () => ({ timeoutMs: route === 'apply' ? 300_000 : 90_000, warningMs: 30_000 }),
      {
        onWarn: (s) => events.push(`warn ${s}`),
        onTick: () => {},
        onContinue: () => {},
        onExpire: () => events.push('expire'),
      },
    );
    timer.start();
    vi.advanceTimersByTime(60_000);
    route = 'item'; // idle for a minute already: 30 s of the browse time left
    vi.advanceTimersByTime(29_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(6_000);
    expect(events).toEqual(['warn 30']);
  });

  it('does nothing while stopped (the attract screen)', () => {
    const { timer, events } = setup();
    timer.start();
    timer.stop();
    timer.activity();
    vi.advanceTimersByTime(10 * 60_000);
    expect(events).toEqual([]);
  });
});

describe('timings', () => {
  const idle = { browseSeconds: 90, formSeconds: 300, warningSeconds: 30 };
  it('uses the form time inside #/apply and the browse time elsewhere', () => {
    expect(timingsFor(['apply'], idle)).toEqual({ timeoutMs: 300_000, warningMs: 30_000 });
    expect(timingsFor(['apply', 'step2'], idle).timeoutMs).toBe(300_000);
    expect(timingsFor([], idle).timeoutMs).toBe(90_000);
    expect(timingsFor(['item', 'x'], idle).timeoutMs).toBe(90_000);
  });
  it('honours ?idle= only under automation or in development', () => {
    expect(idleOverride('?idle=5,4', false)).toBeNull();
    expect(idleOverride('?idle=5,4', true)).toEqual({ browseSeconds: 5, warningSeconds: 4, formSeconds: 5 });
    expect(idleOverride('?idle=5,4,12', true)?.formSeconds).toBe(12);
    expect(idleOverride('?idle=x', true)).toBeNull();
    expect(idleOverride('', true)).toBeNull();
  });
});
