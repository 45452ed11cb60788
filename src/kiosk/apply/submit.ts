// Filing: validate, seal to the intake key, write to the outbox (committed) and only then show the receipt.
import type { Application } from '../../core/application/schema.ts';
import { validateApplication } from '../../core/application/schema.ts';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { outboxDb } from '../outbox/db.ts';
import { getOutbox } from '../outbox/index.ts';
import { getIntakeKey } from '../outbox/intake-key.ts';
import { draftIssues, toApplicationInput, type Draft, type FieldIssue } from './draft.ts';

export type SubmitOutcome =
  | { ok: true; clientId: string; application: Application }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] }
  | { ok: false; reason: 'no-key' }
  | { ok: false; reason: 'error'; message: string };

export async function submitDraft(draft: Draft, config: KioskConfig | null): Promise<SubmitOutcome> {
  const checked = validateApplication(toApplicationInput(draft, new Date().toISOString()));
  if (!checked.ok) return { ok: false, reason: 'invalid', issues: draftIssues(draft) };
  const application = checked.value;
  try {
    const outbox = getOutbox(config);
    // A second tap on 提交 (or a retry after an error) must not file a second application.
    const existing = await outbox.get(application.clientId);
    if (existing) return { ok: true, clientId: existing.clientId, application };
    const key = await getIntakeKey(outboxDb(), config);
    if (!key) return { ok: false, reason: 'no-key' };
    await outbox.enqueue(application, key, config?.receiptRule ?? 'in-person');
    void outbox.kick({ force: true });
    return { ok: true, clientId: application.clientId, application };
  } catch (e) {
    return { ok: false, reason: 'error', message: (e as Error).message };
  }
}
