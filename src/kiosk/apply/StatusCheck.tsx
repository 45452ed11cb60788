// 查询进度: receipt code + the last 4 digits of the phone → the server's status. Needs the network; says so when
// there is none, and tells when the application is still waiting in this kiosk's outbox.
import { useState } from 'preact/hooks';
import { formatMessage } from '../../core/application/messages.ts';
import { parseReceiptCode, receiptCodeProblem } from '../../core/application/receipt.ts';
import { t } from '../i18n/strings.ts';
import { issueText } from '../i18n/validation.ts';
import { getOutbox } from '../outbox/index.ts';
import { useKioskState } from '../state.ts';
import type { FieldIssue } from './draft.ts';
import { ErrorSummary, TextField } from './fields.tsx';
import { formatDate, formatMaybeProvisional, formatYears } from './Receipt.tsx';

interface StatusAnswer {
  receiptCode: string;
  status: string;
  explanation: string;
  filedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  /** True when the server counted the due date over a year whose holiday notice it does not have yet (预计). */
  dueOnProvisional?: boolean;
  /** The years the server counted by the statutory rules. */
  dueOnEstimatedYears?: number[];
  /** What the office asked the applicant to correct (补正, Art. 30), while it waits for it. */
  correction?: { text: string; answerBy: string } | null;
  /** The reply, once made (the look-up says it is ready or sent; the result word only). */
  replied?: { on: string; result: string } | null;
}

type Result =
  | { kind: 'found'; answer: StatusAnswer }
  | { kind: 'message'; text: string }
  | { kind: 'offline'; queued: boolean };

export function StatusCheck() {
  const { config } = useKioskState();
  const [code, setCode] = useState('');
  const [phone4, setPhone4] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const labels: Record<string, string> = {
    code: t('apply.status.code'),
    phone4: t('apply.status.phone4'),
  };

  const issueOf = (field: string) => {
    const issue = issues.find((i) => i.field === field);
    return issue ? issueText(issue) : undefined;
  };

  const submit = async () => {
    const found: FieldIssue[] = [];
    const codeProblem = receiptCodeProblem(code);
    if (codeProblem)
      found.push({
        field: 'code',
        path: 'code',
        code: 'invalid',
        message: formatMessage(codeProblem, 'zh'),
        msg: codeProblem,
      });
    if (!/^\d{4}$/.test(phone4.trim()))
      found.push({
        field: 'phone4',
        path: 'phone4',
        code: 'invalid',
        message: t('apply.status.phone4Error'),
      });
    setIssues(found);
    setAttempt((a) => a + 1);
    setResult(null);
    if (found.length > 0) return;
    const canonical = parseReceiptCode(code)!;
    const local = await getOutbox(config).byReceiptCode(canonical);
    const queued = local?.state === 'pending';
    if (!navigator.onLine) {
      setResult({ kind: 'offline', queued });
      return;
    }
    setBusy(true);
    try {
      const base = (config?.serverUrl ?? '').replace(/\/+$/, '');
      const res = await fetch(
        `${base}/api/v1/applications/status?${new URLSearchParams({ code: canonical, phone4: phone4.trim() })}`,
        { cache: 'no-store' },
      );
      const body = (await res.json().catch(() => null)) as
        (StatusAnswer & { error?: { message?: string } }) | null;
      if (res.ok && body) setResult({ kind: 'found', answer: body });
      else if (res.status === 404 && queued) setResult({ kind: 'message', text: t('apply.status.queued') });
      else setResult({ kind: 'message', text: body?.error?.message ?? t('apply.status.failed') });
    } catch {
      setResult({ kind: 'offline', queued });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="screen apply-status" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.status.title')}
      </h1>
      <p>{t('apply.status.lead')}</p>
      <ErrorSummary issues={issues} labelOf={(f) => labels[f] ?? f} focusKey={attempt} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          field="code"
          label={labels.code!}
          hint={t('apply.status.codeHint')}
          value={code}
          onInput={setCode}
          error={issueOf('code')}
          keyboard="code"
          autoCapitalize="characters"
          width="medium"
        />
        <TextField
          field="phone4"
          label={labels.phone4!}
          value={phone4}
          onInput={setPhone4}
          error={issueOf('phone4')}
          inputMode="numeric"
          width="short"
        />
        <div class="form-actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('apply.status.checking') : t('apply.status.check')}
          </button>
        </div>
      </form>
      <div role="status" class="status-result">
        {result?.kind === 'found' ? (
          <div class="notice">
            <h2>{t('apply.status.result', { status: result.answer.status })}</h2>
            <p>{result.answer.explanation}</p>
            <dl class="fields">
              {result.answer.correction ? (
                <>
                  <div>
                    <dt>{t('apply.status.correction')}</dt>
                    <dd class="correction-text">{result.answer.correction.text}</dd>
                  </div>
                  <div>
                    <dt>{t('apply.status.correctionBy')}</dt>
                    <dd>{formatDate(result.answer.correction.answerBy)}</dd>
                  </div>
                </>
              ) : null}
              {result.answer.replied ? (
                <>
                  <div>
                    <dt>{t('apply.status.replyResult')}</dt>
                    <dd>{result.answer.replied.result}</dd>
                  </div>
                  <div>
                    <dt>{t('apply.status.repliedOn')}</dt>
                    <dd>{formatDate(result.answer.replied.on)}</dd>
                  </div>
                </>
              ) : null}
              <div>
                <dt>{t('apply.status.filedOn')}</dt>
                <dd>{formatDate(result.answer.filedOn)}</dd>
              </div>
              {result.answer.receivedOn ? (
                <div>
                  <dt>{t('apply.receipt.receivedOn')}</dt>
                  <dd>{formatDate(result.answer.receivedOn)}</dd>
                </div>
              ) : null}
              {result.answer.dueOn ? (
                <div>
                  <dt>{t('apply.receipt.dueOn')}</dt>
                  <dd>
                    {formatMaybeProvisional(result.answer.dueOn, result.answer.dueOnProvisional === true)}
                  </dd>
                </div>
              ) : null}
            </dl>
            {result.answer.dueOn &&
            result.answer.dueOnProvisional &&
            result.answer.dueOnEstimatedYears?.length ? (
              <p>
                {t('apply.receipt.provisionalNote', {
                  years: formatYears(result.answer.dueOnEstimatedYears),
                })}
              </p>
            ) : null}
          </div>
        ) : result?.kind === 'message' ? (
          <p class="status error">{result.text}</p>
        ) : result?.kind === 'offline' ? (
          <p class="status error">
            {t('apply.status.offline')}
            {result.queued ? ` ${t('apply.status.queued')}` : ''}
          </p>
        ) : null}
      </div>
    </section>
  );
}
