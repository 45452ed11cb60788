// The receipt: the code (and its QR code), when it was filed, the date of receipt and the reply due date under the
// site's receipt rule and the bundle's working-day calendar, what happens next, how to check status. Printable on
// an 80 mm receipt printer and on A4.
import { useEffect, useState } from 'preact/hooks';
import {
  formatChineseDate,
  formatReceiptCode,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../../core/application/receipt.ts';
import { applicantIdNumber } from '../../core/application/schema.ts';
import { BundleDb } from '../db/bundle-db.ts';
import { getLang, t } from '../i18n/strings.ts';
import { getOutbox } from '../outbox/index.ts';
import type { OutboxEntry } from '../outbox/machine.ts';
import { useKioskState } from '../state.ts';
import { Loading } from '../ui/components/Status.tsx';
import { publicPageUrl } from '../ui/public-url.ts';
import { lazyComponent, useAsync } from '../ui/hooks.ts';
import { home, href } from '../ui/router.ts';
import { receiptDatesWithEstimates, type KnownDates } from './dates.ts';
import { getLastFiled, resetApplyDraft } from './draft.ts';

const QrCode = lazyComponent(
  () => import('../ui/components/QrCode.tsx').then((m) => m.QrCode),
  () => null,
);

export function formatDate(date: string): string {
  return getLang() === 'zh-CN' ? formatChineseDate(date) : date;
}

/** A date, marked 预计 when it was counted over a year whose holiday notice is not in the bundle. */
export function formatMaybeProvisional(date: string, provisional: boolean): string {
  return provisional ? formatDate(date) + t('apply.receipt.provisionalMark') : formatDate(date);
}

/** `2027年、2028年` / `2027, 2028`: the years counted by the statutory rules. */
export function formatYears(years: readonly number[]): string {
  return getLang() === 'zh-CN' ? years.map((y) => `${y}年`).join('、') : years.join(', ');
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(getLang(), {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

function useOutboxEntry(clientId: string): { entry: OutboxEntry | null; loading: boolean } {
  const { config } = useKioskState();
  const [state, setState] = useState<{ entry: OutboxEntry | null; loading: boolean }>({
    entry: null,
    loading: true,
  });
  useEffect(() => {
    const outbox = getOutbox(config);
    let alive = true;
    const read = () =>
      void outbox.get(clientId).then((entry) => alive && setState({ entry, loading: false }));
    read();
    const off = outbox.subscribe(read);
    return () => {
      alive = false;
      off();
    };
  }, [clientId]);
  return state;
}

async function receiptDates(entry: OutboxEntry, dbName: string | undefined): Promise<KnownDates | null> {
  if (!dbName) return null;
  const db = new BundleDb(dbName);
  try {
    return await receiptDatesWithEstimates(entry, await db.calendar.toArray());
  } finally {
    db.close();
  }
}

/** Waits for the fonts (a receipt printed in a fallback font can lose characters), then prints. */
export async function printReceipt(): Promise<void> {
  await document.fonts?.ready;
  window.print();
}

export function Receipt({ clientId }: { clientId: string }) {
  const { live, config } = useKioskState();
  const { entry, loading } = useOutboxEntry(clientId);
  const filed = getLastFiled()?.clientId === clientId ? getLastFiled() : null;
  const dates = useAsync(
    async () => (entry ? receiptDates(entry, live?.dbName) : null),
    [entry?.createdAt, entry?.receivedOn, live?.dbName],
  );
  if (loading) return <Loading />;
  if (!entry) {
    return (
      <section class="screen" aria-labelledby="screen-title">
        <h1 id="screen-title" tabIndex={-1}>
          {t('apply.receipt.missing')}
        </h1>
        <p>
          <a class="button" href={href(['apply', 'status'])}>
            {t('apply.status.title')}
          </a>
        </p>
      </section>
    );
  }
  const code = formatReceiptCode(entry.receiptCode);
  const app = filed?.application;
  const d = dates.value;
  return (
    <section class="screen receipt" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.receipt.title')}
      </h1>
      <p class="receipt-hall print-only">{config?.hallName ?? t('app.title')}</p>
      <div class="receipt-code-box">
        <p class="receipt-code-label">{t('apply.receipt.code')}</p>
        <p class="receipt-code">{code}</p>
        <QrCode
          text={publicPageUrl(config, 'status', entry.receiptCode)}
          label={t('apply.receipt.qr', { code })}
          size={200}
        />
      </div>
      <p class="send-state" role="status">
        {entry.state === 'acknowledged'
          ? t('apply.receipt.delivered', { number: entry.serverNumber ?? '' })
          : entry.state === 'rejected'
            ? t('apply.receipt.rejected')
            : t('apply.receipt.pending')}
      </p>
      <dl class="fields receipt-fields">
        <div>
          <dt>{t('apply.receipt.filedAt')}</dt>
          <dd>{formatTime(entry.createdAt)}</dd>
        </div>
        {app ? (
          <>
            <div>
              <dt>{t('apply.receipt.applicant')}</dt>
              <dd>{maskName(app.applicant.name)}</dd>
            </div>
            <div>
              <dt>{t('apply.receipt.idNumber')}</dt>
              <dd>{maskIdNumber(applicantIdNumber(app.applicant))}</dd>
            </div>
            <div>
              <dt>{t('apply.receipt.phone')}</dt>
              <dd>{maskPhone(app.contact.phone)}</dd>
            </div>
            <div>
              <dt>{t('apply.receipt.agency')}</dt>
              <dd>{app.request.agencyName || app.request.agencyId}</dd>
            </div>
            {app.staffAssisted ? (
              <div>
                <dt>{t('apply.receipt.channel')}</dt>
                <dd>{t('apply.staffAssistedNote')}</dd>
              </div>
            ) : null}
          </>
        ) : null}
        {d ? (
          <>
            <div>
              <dt>{t('apply.receipt.receivedOn')}</dt>
              <dd>
                {!d.receivedOn
                  ? t('apply.receipt.receivedUnknown')
                  : d.receivedIsExpected
                    ? t('apply.receipt.receivedExpected', { date: formatDate(d.receivedOn) })
                    : t('apply.receipt.receivedInPerson', { date: formatDate(d.receivedOn) })}
              </dd>
            </div>
            <div>
              <dt>{t('apply.receipt.dueOn')}</dt>
              <dd>
                {!d.replyDueOn
                  ? t('apply.receipt.dueUnknown')
                  : d.provisional.replyDueOn
                    ? t('apply.receipt.dueProvisional', { date: formatDate(d.replyDueOn) })
                    : d.receivedIsExpected
                      ? t('apply.receipt.dueExpected', { date: formatDate(d.replyDueOn) })
                      : t('apply.receipt.due', { date: formatDate(d.replyDueOn) })}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      <h2>{t('apply.receipt.next')}</h2>
      <ul class="next-steps">
        <li>
          {d?.correctionNoticeBy
            ? t('apply.receipt.correctionBy', {
                date: formatMaybeProvisional(d.correctionNoticeBy, d.provisional.correctionNoticeBy),
              })
            : t('apply.receipt.correction')}
        </li>
        <li>
          {d?.extendedDueOn
            ? t('apply.receipt.extensionBy', {
                date: formatMaybeProvisional(d.extendedDueOn, d.provisional.extendedDueOn),
              })
            : t('apply.receipt.extension')}
        </li>
        {d && d.estimatedYears.length > 0 ? (
          <li>{t('apply.receipt.provisionalNote', { years: formatYears(d.estimatedYears) })}</li>
        ) : null}
        <li>{t('apply.receipt.remedies')}</li>
        <li>{t('apply.receipt.howToCheck')}</li>
      </ul>
      <div class="form-actions no-print">
        <button type="button" class="button" onClick={() => void printReceipt()}>
          {t('apply.receipt.print')}
        </button>
        <a class="button secondary" href={href(['apply', 'status'])}>
          {t('apply.status.title')}
        </a>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            resetApplyDraft();
            home();
          }}
        >
          {t('apply.receipt.done')}
        </button>
      </div>
    </section>
  );
}
