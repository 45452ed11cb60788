// The staff screen's list of applications the server refused (4xx), set aside on this kiosk: receipt code, dates and
// the HTTP status with the server's error code (never its message, which may quote what the visitor typed; the
// ciphertext stays sealed: the kiosk cannot read it). Staff can send one again (after a server fix) or, once the
// applicant has been served with a paper form, delete it after a confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatReceiptCode } from '../../core/application/receipt.ts';
import { ALL_STRINGS, t, type StringId } from '../i18n/strings.ts';
import { outboxDb } from '../outbox/db.ts';
import { getOutbox } from '../outbox/index.ts';
import { discardSetAside, listSetAside, requeueSetAside, type SetAsideEntry } from '../outbox/set-aside.ts';
import { useKioskState } from '../state.ts';
import { formatTime } from './strings.ts';

/** HTTP status and error code, with a plain explanation for the codes the intake server gives. */
export function refusalText(e: Pick<SetAsideEntry, 'status' | 'code'>): string {
  if (e.status === null) return t('staff.aside.unknown');
  const head = t('staff.aside.status', { status: e.status, code: e.code ?? `http_${e.status}` });
  const why = `staff.aside.why.${e.code ?? ''}`;
  return why in ALL_STRINGS ? `${head} ${t(why as StringId)}` : head;
}

function ConfirmDiscard({
  code,
  onConfirm,
  onCancel,
}: {
  code: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const id = `aside-confirm-${code}`;
  return (
    <div
      class="staff-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
    >
      <h3 id={`${id}-title`}>{t('staff.aside.confirmTitle')}</h3>
      <p id={`${id}-body`}>{t('staff.aside.confirmBody', { code })}</p>
      <div class="staff-actions">
        <button type="button" class="button danger" onClick={onConfirm}>
          {t('staff.aside.confirm')}
        </button>
        <button type="button" class="button secondary" ref={cancel} onClick={onCancel}>
          {t('staff.aside.cancel')}
        </button>
      </div>
    </div>
  );
}

export function SetAsideSection() {
  const { config } = useKioskState();
  const [entries, setEntries] = useState<SetAsideEntry[] | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setEntries(await listSetAside(outboxDb()));
    } catch {
      setEntries([]);
    }
  };

  useEffect(() => {
    void load();
    // The sender tells when an application it sent again is delivered or refused again.
    const off = getOutbox(config).subscribe(() => void load());
    const id = setInterval(() => void load(), 5000);
    return () => {
      off();
      clearInterval(id);
    };
  }, []);

  const act = async (e: SetAsideEntry, action: 'resend' | 'discard') => {
    if (busy) return;
    setBusy(true);
    const code = formatReceiptCode(e.receiptCode);
    try {
      const db = outboxDb();
      const done =
        action === 'resend' ? await requeueSetAside(db, e.clientId) : await discardSetAside(db, e.clientId);
      setMessage(
        done
          ? t(action === 'resend' ? 'staff.aside.requeued' : 'staff.aside.discarded', { code })
          : t('staff.aside.failed'),
      );
      if (done && action === 'resend') void getOutbox(config).kick({ force: true });
    } catch {
      setMessage(t('staff.aside.failed'));
    }
    setConfirming(null);
    setBusy(false);
    await load();
  };

  return (
    <section aria-labelledby="staff-aside">
      <h2 id="staff-aside">{t('staff.aside.title')}</h2>
      <p role="status" class="staff-aside-outcome">
        {message}
      </p>
      {entries === null ? null : entries.length === 0 ? (
        <p>{t('staff.aside.none')}</p>
      ) : (
        <>
          <p>{t('staff.aside.lead')}</p>
          <ul class="staff-aside-list" aria-label={t('staff.aside.list')}>
            {entries.map((e) => {
              const code = formatReceiptCode(e.receiptCode);
              return (
                <li key={e.clientId} class="staff-aside-entry">
                  <dl class="staff-health">
                    <dt>{t('staff.aside.code')}</dt>
                    <dd class="staff-aside-code">{code}</dd>
                    <dt>{t('staff.aside.created')}</dt>
                    <dd>{formatTime(e.createdAt)}</dd>
                    <dt>{t('staff.aside.refusedAt')}</dt>
                    <dd>{formatTime(e.rejectedAt)}</dd>
                    <dt>{t('staff.aside.reason')}</dt>
                    <dd>{refusalText(e)}</dd>
                  </dl>
                  {confirming === e.clientId ? (
                    <ConfirmDiscard
                      code={code}
                      onConfirm={() => void act(e, 'discard')}
                      onCancel={() => setConfirming(null)}
                    />
                  ) : (
                    <div class="staff-actions" role="group" aria-label={t('staff.aside.actions', { code })}>
                      {e.canResend ? (
                        <button
                          type="button"
                          class="button secondary"
                          disabled={busy}
                          aria-label={t('staff.aside.retryName', { code })}
                          onClick={() => void act(e, 'resend')}
                        >
                          {t('staff.aside.retry')}
                        </button>
                      ) : null}
                      <button
                        type="button"
                        class="button secondary"
                        disabled={busy}
                        aria-label={t('staff.aside.handledName', { code })}
                        onClick={() => setConfirming(e.clientId)}
                      >
                        {t('staff.aside.handled')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
