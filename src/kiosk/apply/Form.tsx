// The guided form: one question or a small group per page, 第 n 步，共 7 步, 上一步 keeps everything, an error summary
// that links to each field, then a check-your-answers page with 修改 links.
import { useEffect, useState } from 'preact/hooks';
import {
  APPLICANT_TYPES,
  ORGANIZATION_KINDS,
  DELIVERIES,
  MEDIA,
  type ApplicantType,
  type Delivery,
  type Medium,
  type OrganizationKind,
} from '../../core/application/schema.ts';
import { maskIdNumber } from '../../core/application/receipt.ts';
import { ID_TYPES, type IdType } from '../../core/application/validators.ts';
import { ALL_STRINGS, t, type StringId } from '../i18n/strings.ts';
import { issueText } from '../i18n/validation.ts';
import { useKioskState } from '../state.ts';
import { href, navigate, replace } from '../ui/router.ts';
import {
  draftIssues,
  finishDraft,
  getDraft,
  isDraftStarted,
  stepIssues,
  stepOfField,
  STEPS,
  subscribeDraft,
  updateDraft,
  upperCode,
  type Draft,
  type FieldIssue,
  type StepId,
} from './draft.ts';
import { CheckboxGroup, Confirm, ErrorSummary, focusField, RadioGroup, TextField } from './fields.tsx';
import { submitDraft } from './submit.ts';
import { Suggestions } from './Suggestions.tsx';
import { AgencyField } from './AgencyField.tsx';
import { ReadIdCard } from '../idcard/ReadIdCard.tsx';

export function useDraft(): Draft {
  const [d, set] = useState(getDraft());
  useEffect(() => {
    set(getDraft());
    return subscribeDraft(() => set(getDraft()));
  }, []);
  return d;
}

/** The question a field answers, for the error summary and the check page. */
export function fieldLabel(field: string, d: Draft): string {
  if (field === 'applicant.name')
    return t(d.type === 'organization' ? 'apply.f.orgName' : 'apply.f.personName');
  if (field === 'privacyConsent') return t('apply.privacy.title');
  const id = `apply.f.${field}`;
  return id in ALL_STRINGS ? t(id as StringId) : field;
}

const stepHref = (n: number, focus?: string) =>
  href(['apply', 'form', String(n)], focus ? { focus } : undefined);

export function FormStep({ n, focus }: { n: number; focus: string | null }) {
  const d = useDraft();
  const [shown, setShown] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const step = STEPS[n - 1];

  // A 修改 link or the check page's error summary brings the visitor here with a field to focus.
  useEffect(() => {
    if (focus) setTimeout(() => focusField(focus), 0);
  }, [focus, n]);
  useEffect(() => setShown([]), [n]);

  if (!isDraftStarted()) return <NotStarted />;
  if (!step) return <NotStarted />;

  // Errors already shown are re-checked as the visitor types, so a fixed field loses its message at once.
  const live = stepIssues(d, step);
  const errors = shown.length > 0 ? live : [];
  const errorOf = (field: string) => {
    const issue = errors.find((i) => i.field === field);
    return issue ? issueText(issue) : undefined;
  };

  const next = () => {
    const issues = stepIssues(getDraft(), step);
    // The USCC check-character warning is not an error once confirmed; until then it blocks like one.
    if (issues.length > 0) {
      setShown(issues);
      setAttempt((a) => a + 1);
      return;
    }
    setShown([]);
    navigate(n < STEPS.length ? stepHref(n + 1) : href(['apply', 'check']));
  };

  return (
    <section class="screen apply-form" aria-labelledby="screen-title">
      <StepList current={n} />
      <p class="progress">{t('apply.progress', { n, total: STEPS.length })}</p>
      {d.staffAssisted ? <p class="assisted">{t('apply.staffAssistedNote')}</p> : null}
      <h1 id="screen-title" tabIndex={-1}>
        {t(`apply.step.${step}` as StringId)}
      </h1>
      <ErrorSummary issues={errors} labelOf={(f) => fieldLabel(f, d)} focusKey={attempt} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <StepFields step={step} d={d} errorOf={errorOf} />
        {/* 上一步 on the left of 下一步, as a reader's eye goes; 下一步 keeps its place on step 1 too. */}
        <div class="form-actions">
          {n > 1 ? (
            <button type="button" class="button secondary" onClick={() => navigate(stepHref(n - 1))}>
              {t('apply.prev')}
            </button>
          ) : (
            <span class="button secondary placeholder" aria-hidden="true">
              {t('apply.prev')}
            </span>
          )}
          <button type="submit" class="button">
            {n < STEPS.length ? t('apply.next') : t('apply.toCheck')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The steps beside the current one, on a wide landscape screen only (CSS hides it elsewhere). */
function StepList({ current }: { current: number }) {
  return (
    <nav class="step-list" aria-label={t('apply.steps')}>
      <ol>
        {STEPS.map((s, i) => (
          <li
            key={s}
            class={i + 1 < current ? 'done' : undefined}
            aria-current={i + 1 === current ? 'step' : undefined}
          >
            {t(`apply.step.${s}` as StringId)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function NotStarted() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.title')}
      </h1>
      <p>{t('apply.notStarted')}</p>
      <p>
        <a class="button" href={href(['apply'])}>
          {t('apply.startOver')}
        </a>
      </p>
    </section>
  );
}

function StepFields({
  step,
  d,
  errorOf,
}: {
  step: StepId;
  d: Draft;
  errorOf: (field: string) => string | undefined;
}) {
  switch (step) {
    case 'type':
      return (
        <>
          <RadioGroup<ApplicantType>
            field="applicant.type"
            legend={t('apply.f.applicant.type')}
            options={APPLICANT_TYPES.map((v) => ({
              value: v,
              label: t(`apply.applicantType.${v}` as StringId),
              hint: t(`apply.applicantType.${v}.hint` as StringId),
            }))}
            value={d.type}
            onChange={(type) => updateDraft({ type })}
            error={errorOf('applicant.type')}
          />
          {d.type === 'organization' ? (
            // The annual report counts organisations by kind (its columns).
            <RadioGroup<OrganizationKind>
              field="applicant.kind"
              legend={t('apply.f.applicant.kind')}
              options={ORGANIZATION_KINDS.map((v) => ({
                value: v,
                label: t(`apply.orgKind.${v}` as StringId),
              }))}
              value={d.orgKind}
              onChange={(orgKind) => updateDraft({ orgKind })}
              error={errorOf('applicant.kind')}
            />
          ) : null}
        </>
      );
    case 'applicant':
      return d.type === 'organization' ? (
        <>
          <TextField
            field="applicant.name"
            label={t('apply.f.orgName')}
            value={d.orgName}
            onInput={(orgName) => updateDraft({ orgName })}
            error={errorOf('applicant.name')}
          />
          <TextField
            field="applicant.uscc"
            label={t('apply.f.applicant.uscc')}
            hint={t('apply.hint.uscc')}
            value={d.uscc}
            onInput={(uscc) => updateDraft({ uscc, usccConfirmed: false })}
            error={errorOf('applicant.uscc')}
            autoCapitalize="characters"
            keyboard="uscc"
            transform={upperCode}
            width="medium"
          >
            {usccWarningOnly(d) && (d.usccConfirmed || errorOf('applicant.uscc')) ? (
              <Confirm
                field="applicant.usccConfirmed"
                label={t('apply.usccConfirm')}
                checked={d.usccConfirmed}
                onChange={(usccConfirmed) => updateDraft({ usccConfirmed })}
              />
            ) : null}
          </TextField>
          <TextField
            field="applicant.legalRepresentative"
            label={t('apply.f.applicant.legalRepresentative')}
            value={d.legalRepresentative}
            onInput={(legalRepresentative) => updateDraft({ legalRepresentative })}
            error={errorOf('applicant.legalRepresentative')}
            width="medium"
          />
          <TextField
            field="applicant.contactPerson"
            label={t('apply.f.applicant.contactPerson')}
            value={d.contactPerson}
            onInput={(contactPerson) => updateDraft({ contactPerson })}
            error={errorOf('applicant.contactPerson')}
            width="medium"
          />
        </>
      ) : (
        <>
          <ReadIdCard
            onRead={(card) =>
              updateDraft({ personName: card.name, idType: 'resident-id', idNumber: card.idNumber })
            }
          />
          <TextField
            field="applicant.name"
            label={t('apply.f.personName')}
            hint={t('apply.hint.name')}
            value={d.personName}
            onInput={(personName) => updateDraft({ personName })}
            error={errorOf('applicant.name')}
            width="medium"
          />
          <RadioGroup<IdType>
            field="applicant.idType"
            legend={t('apply.f.applicant.idType')}
            options={ID_TYPES.map((v) => ({ value: v, label: t(`apply.idType.${v}` as StringId) }))}
            value={d.idType}
            onChange={(idType) => updateDraft({ idType })}
            error={errorOf('applicant.idType')}
          />
          <TextField
            field="applicant.idNumber"
            label={t('apply.f.applicant.idNumber')}
            value={d.idNumber}
            onInput={(idNumber) => updateDraft({ idNumber })}
            error={errorOf('applicant.idNumber')}
            autoCapitalize="characters"
            width="medium"
          />
          <TextField
            field="applicant.workUnit"
            label={t('apply.f.applicant.workUnit')}
            value={d.workUnit}
            onInput={(workUnit) => updateDraft({ workUnit })}
            error={errorOf('applicant.workUnit')}
            optional
          />
        </>
      );
    case 'contact':
      return (
        <>
          <TextField
            field="contact.phone"
            label={t('apply.f.contact.phone')}
            hint={t('apply.hint.phone')}
            value={d.phone}
            onInput={(phone) => updateDraft({ phone })}
            error={errorOf('contact.phone')}
            inputMode="tel"
            type="tel"
            width="medium"
          />
          <TextField
            field="contact.email"
            label={t('apply.f.contact.email')}
            hint={t('apply.hint.email')}
            value={d.email}
            onInput={(email) => updateDraft({ email })}
            error={errorOf('contact.email')}
            inputMode="email"
            type="email"
            optional
          />
          <TextField
            field="contact.address"
            label={t('apply.f.contact.address')}
            value={d.address}
            onInput={(address) => updateDraft({ address })}
            error={errorOf('contact.address')}
          />
          <TextField
            field="contact.postCode"
            label={t('apply.f.contact.postCode')}
            value={d.postCode}
            onInput={(postCode) => updateDraft({ postCode })}
            error={errorOf('contact.postCode')}
            inputMode="numeric"
            width="short"
          />
        </>
      );
    case 'request':
      return (
        <>
          <p class="lead">{t('apply.request.lead')}</p>
          <TextField
            field="request.title"
            label={t('apply.f.request.title')}
            hint={t('apply.hint.title')}
            value={d.title}
            onInput={(title) => updateDraft({ title })}
            error={errorOf('request.title')}
            optional
          />
          <TextField
            field="request.documentNumber"
            label={t('apply.f.request.documentNumber')}
            hint={t('apply.hint.documentNumber')}
            value={d.documentNumber}
            onInput={(documentNumber) => updateDraft({ documentNumber })}
            error={errorOf('request.documentNumber')}
            width="medium"
            optional
          />
          <TextField
            field="request.description"
            label={t('apply.f.request.description')}
            hint={t('apply.hint.description')}
            value={d.description}
            onInput={(description) => updateDraft({ description })}
            error={errorOf('request.description')}
            multiline
          />
          <Suggestions text={`${d.title} ${d.description}`.trim()} />
        </>
      );
    case 'agency':
      return <AgencyField d={d} error={errorOf('request.agencyId')} />;
    case 'delivery':
      return (
        <>
          <CheckboxGroup<Medium>
            field="media"
            legend={t('apply.f.media')}
            hint={t('apply.hint.multiple')}
            options={MEDIA.map((v) => ({ value: v, label: t(`apply.medium.${v}` as StringId) }))}
            value={d.media}
            onChange={(media) => updateDraft({ media })}
            error={errorOf('media')}
          />
          <CheckboxGroup<Delivery>
            field="deliveries"
            legend={t('apply.f.deliveries')}
            hint={t('apply.hint.multiple')}
            options={DELIVERIES.map((v) => ({ value: v, label: t(`apply.delivery.${v}` as StringId) }))}
            value={d.deliveries}
            onChange={(deliveries) => updateDraft({ deliveries })}
            error={errorOf('deliveries')}
          />
          <RadioGroup<'yes' | 'no'>
            field="consentToPublish"
            legend={t('apply.f.consentToPublish')}
            hint={t('apply.hint.consentToPublish')}
            options={[
              { value: 'yes', label: t('apply.yes') },
              { value: 'no', label: t('apply.no') },
            ]}
            value={d.consentToPublish === null ? '' : d.consentToPublish ? 'yes' : 'no'}
            onChange={(v) => updateDraft({ consentToPublish: v === 'yes' })}
            error={errorOf('consentToPublish')}
          />
        </>
      );
    case 'privacy':
      return (
        <>
          <div class="notice" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{t('apply.privacy.title')}</h2>
            <ul>
              <li>{t('apply.privacy.what')}</li>
              <li>{t('apply.privacy.why')}</li>
              <li>{t('apply.privacy.how')}</li>
              <li>{t('apply.privacy.kiosk')}</li>
              <li>{t('apply.privacy.howLong')}</li>
              <li>{t('apply.privacy.rights')}</li>
            </ul>
          </div>
          <Confirm
            field="privacyConsent"
            label={t('apply.f.privacyConsent')}
            checked={d.privacyConsent}
            onChange={(privacyConsent) => updateDraft({ privacyConsent })}
            error={errorOf('privacyConsent')}
          />
        </>
      );
  }
}

/** True when the only USCC problem is the check character, which the visitor may confirm. */
function usccWarningOnly(d: Draft): boolean {
  const issue = draftIssues({ ...d, usccConfirmed: false }).find((i) => i.field === 'applicant.uscc');
  return issue?.confirmable === true;
}

// ---------------------------------------------------------------------------------------------
// Check your answers

function answerRows(d: Draft): { field: string; value: string }[] {
  const list = (values: string[], prefix: string) =>
    values.map((v) => t(`${prefix}.${v}` as StringId)).join('、');
  const rows: { field: string; value: string }[] = [
    { field: 'applicant.type', value: d.type ? t(`apply.applicantType.${d.type}` as StringId) : '' },
  ];
  if (d.type === 'organization') {
    rows.push(
      { field: 'applicant.kind', value: d.orgKind ? t(`apply.orgKind.${d.orgKind}` as StringId) : '' },
      { field: 'applicant.name', value: d.orgName },
      { field: 'applicant.uscc', value: d.uscc },
      { field: 'applicant.legalRepresentative', value: d.legalRepresentative },
      { field: 'applicant.contactPerson', value: d.contactPerson },
    );
  } else {
    rows.push(
      { field: 'applicant.name', value: d.personName },
      { field: 'applicant.idType', value: d.idType ? t(`apply.idType.${d.idType}` as StringId) : '' },
      { field: 'applicant.idNumber', value: d.idNumber },
      { field: 'applicant.workUnit', value: d.workUnit },
    );
  }
  rows.push(
    { field: 'contact.phone', value: d.phone },
    { field: 'contact.email', value: d.email },
    { field: 'contact.address', value: d.address },
    { field: 'contact.postCode', value: d.postCode },
    { field: 'request.title', value: d.title },
    { field: 'request.documentNumber', value: d.documentNumber },
    { field: 'request.description', value: d.description },
    { field: 'request.agencyId', value: d.agencyName },
    { field: 'media', value: list(d.media, 'apply.medium') },
    { field: 'deliveries', value: list(d.deliveries, 'apply.delivery') },
    {
      field: 'consentToPublish',
      value: d.consentToPublish === null ? '' : t(d.consentToPublish ? 'apply.yes' : 'apply.no'),
    },
    { field: 'privacyConsent', value: d.privacyConsent ? t('apply.privacy.agreed') : '' },
  );
  return rows;
}

export function CheckAnswers() {
  const d = useDraft();
  const { config } = useKioskState();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!isDraftStarted()) return <NotStarted />;

  const stepNumber = (field: string) => STEPS.indexOf(stepOfField(field)) + 1;
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const outcome = await submitDraft(getDraft(), config);
    setBusy(false);
    if (outcome.ok) {
      finishDraft({ clientId: outcome.clientId, application: outcome.application });
      replace(href(['apply', 'receipt', outcome.clientId]));
    } else if (outcome.reason === 'invalid') {
      setIssues(outcome.issues);
      setAttempt((a) => a + 1);
    } else if (outcome.reason === 'no-key') {
      navigate(href(['apply', 'unavailable']));
    } else {
      setProblem(outcome.message);
    }
  };

  return (
    <section class="screen apply-check" aria-labelledby="screen-title">
      {d.staffAssisted ? <p class="assisted">{t('apply.staffAssistedNote')}</p> : null}
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.check.title')}
      </h1>
      <ErrorSummary
        issues={issues}
        labelOf={(f) => fieldLabel(f, d)}
        focusKey={attempt}
        onPick={(i) => navigate(stepHref(stepNumber(i.field), i.field))}
      />
      <dl class="fields answers">
        {answerRows(d).map((r) => (
          <div key={r.field}>
            <dt>{fieldLabel(r.field, d)}</dt>
            <dd>
              {r.field === 'applicant.idNumber' && r.value ? (
                <MaskedId value={r.value} label={fieldLabel(r.field, d)} />
              ) : (
                r.value || <span class="meta">{t('apply.check.empty')}</span>
              )}
            </dd>
            <dd class="change">
              <a class="button secondary" href={stepHref(stepNumber(r.field), r.field)}>
                {t('apply.check.change')}
                <span class="visually-hidden">{fieldLabel(r.field, d)}</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <p>{t('apply.check.declaration')}</p>
      {problem ? (
        <p class="status error" role="alert">
          {t('apply.submitFailed', { message: problem })}
        </p>
      ) : null}
      <div class="form-actions">
        <button type="button" class="button" onClick={() => void submit()} disabled={busy}>
          {busy ? t('apply.submitting') : t('apply.submit')}
        </button>
      </div>
    </section>
  );
}

/** An ID number on a public screen: masked as on the receipt until the visitor presses 显示 (aria-pressed says which). */
function MaskedId({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span class="masked-id">
      <span class="masked-value">{shown ? value : maskIdNumber(value)}</span>
      <button
        type="button"
        class="button secondary"
        aria-pressed={shown}
        aria-label={t('apply.check.showId', { field: label })}
        onClick={() => setShown((v) => !v)}
      >
        {t('apply.check.show')}
      </button>
    </span>
  );
}
