// GET /api/v1/applications/status: a visitor's look-up by receipt code + the last 4 digits of the phone. Public
// (visitors use their phones), rate limited per client address, and each receipt code locked for a while after a
// few wrong phone endings whoever sent them; answers never carry personal data.
import { Hono, type Context } from 'hono';
import { explainReceiptCode, parseReceiptCode } from '../../core/application/receipt.ts';
import { STATUS_EXPLANATIONS } from '../../core/application/status.ts';
import { chinaDate } from '../../core/application/validators.ts';
import { visitorView } from '../../core/procedure/procedure.ts';
import { CaseStore } from '../desk/case-store.ts';
import { errorBody } from '../http/errors.ts';
import { currentDue } from '../due-dates.ts';
import { FailureLockout, TokenBucketLimiter } from '../rate-limit.ts';
import { lookupHash, type ApplicationStore } from '../store.ts';
import type { WorkingCalendarSource } from '../working-calendar.ts';

export interface StatusLookupDeps {
  store: ApplicationStore;
  rateLimit: { capacity: number; refillPerSecond: number };
  clientIp: (c: Context) => string;
  workingCalendar: WorkingCalendarSource;
  /** Wrong look-ups of one receipt code that lock it, and for how long (default 5 in 15 minutes). */
  codeLockout?: { maxFailures: number; windowMs: number };
}

export const DEFAULT_CODE_LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000 };

export function statusLookupRoutes(deps: StatusLookupDeps): Hono {
  const { store, clientIp } = deps;
  const limiter = new TokenBucketLimiter(deps.rateLimit);
  const cases = new CaseStore(
    store.db,
    () => new Date(),
    (id, sealed) => store.openPersonal(id, sealed),
  );
  const perCode = new FailureLockout(deps.codeLockout ?? DEFAULT_CODE_LOCKOUT);
  const app = new Hono();

  app.get('/api/v1/applications/status', async (c) => {
    const taken = limiter.take(clientIp(c));
    if (!taken.ok) {
      c.header('Retry-After', String(taken.retryAfterSeconds));
      return c.json(errorBody('rate_limited', `查询太频繁，请${taken.retryAfterSeconds}秒后再试。`), 429);
    }
    const codeInput = c.req.query('code') ?? '';
    const phone4 = (c.req.query('phone4') ?? '').trim();
    const code = parseReceiptCode(codeInput);
    if (!code)
      return c.json(errorBody('invalid_code', explainReceiptCode(codeInput) ?? '查询码不对', 'code'), 400);
    if (!/^\d{4}$/.test(phone4))
      return c.json(errorBody('invalid_phone4', '请输入联系电话的后4位数字。', 'phone4'), 400);
    c.header('Cache-Control', 'no-store');
    const locked = perCode.lockedFor(code);
    if (locked > 0) {
      c.header('Retry-After', String(locked));
      const minutes = Math.ceil(locked / 60);
      return c.json(
        errorBody(
          'code_locked',
          `这个查询码的错误查询次数过多，请${minutes}分钟后再试，或请工作人员帮助查询。`,
          'code',
        ),
        429,
      );
    }
    const found = await store.findForStatus(code, lookupHash(code, phone4));
    if (!found) {
      perCode.fail(code);
      return c.json(
        errorBody(
          'not_found',
          '没有找到这份申请：请核对查询码和电话后4位。刚提交的申请可能还在终端上等待发送。',
        ),
        404,
      );
    }
    // What the office has done, in plain words: the 补正 text and its deadline, the due date after 延期, whether
    // the reply is ready or sent (src/core/procedure); never anything else of the file.
    const state = await cases.stateOf(found.number);
    const view = state ? visitorView(state) : null;
    // A date the desk decided (延期, a pause, a restarted clock) stands as decided; otherwise it is counted on
    // today's calendar, provisional (预计) over a year without a holiday notice.
    const cal = await deps.workingCalendar();
    const due = state
      ? currentDue({ receivedOn: null, dueOn: state.dueOn, status: found.status }, cal)
      : currentDue(found, cal);
    return c.json({
      receiptCode: found.receiptCode,
      status: found.status,
      explanation: view ? view.lines.join('') : STATUS_EXPLANATIONS[found.status],
      correction: view?.correction ?? null,
      replied: view?.replied ?? null,
      statusUpdatedAt: found.statusUpdatedAt,
      filedOn: chinaDate(new Date(found.filedAt)),
      receivedOn: found.receivedOn,
      dueOn: due.dueOn,
      // Only when the date is an estimate: counted over a year whose holiday notice the server lacks (预计).
      ...(due.dueOnProvisional
        ? { dueOnProvisional: true, dueOnEstimatedYears: due.dueOnEstimatedYears }
        : {}),
    });
  });

  return app;
}
