// #/apply/…: triage first, then the guided form, the check page, the receipt and the status look-up.
//   #/apply                     triage (Art. 29, 36(1), 39, 41, 43)
//   #/apply/form/<n>[?focus=]   step n of the form
//   #/apply/check               check your answers, submit
//   #/apply/receipt/<clientId>  the receipt
//   #/apply/status              查询进度
//   #/apply/elsewhere/<kind>    petition | correction: where to go instead
//   #/apply/unavailable         no intake key: the paper form at the desk
//   #/apply/item/<id>           an 依申请公开 item's 申请公开此信息: the form with its name and agency filled in
import { t } from '../i18n/strings.ts';
import { useKioskState } from '../state.ts';
import { NotFound } from '../ui/components/Status.tsx';
import { useAsync } from '../ui/hooks.ts';
import { href, navigate, type Route } from '../ui/router.ts';
import { outboxDb } from '../outbox/db.ts';
import { getIntakeKey } from '../outbox/intake-key.ts';
import { startDraft } from './draft.ts';
import { CheckAnswers, FormStep } from './Form.tsx';
import { FromItem } from './FromItem.tsx';
import { ZoneGuides } from './ZoneGuides.tsx';
import { Receipt } from './Receipt.tsx';
import { StatusCheck } from './StatusCheck.tsx';
import './apply.css';

export function ApplyFlow({ route }: { route: Route }) {
  const [, what, arg] = route.parts;
  switch (what) {
    case undefined:
      return <Triage />;
    case 'form':
      return <FormStep n={Number(arg ?? 1) || 1} focus={route.params.get('focus')} />;
    case 'check':
      return <CheckAnswers />;
    case 'receipt':
      return arg ? <Receipt clientId={arg} /> : <NotFound />;
    case 'status':
      return <StatusCheck />;
    case 'elsewhere':
      return arg === 'petition' || arg === 'correction' ? <Elsewhere kind={arg} /> : <NotFound />;
    case 'unavailable':
      return <Unavailable />;
    case 'item':
      return arg ? <FromItem id={arg} /> : <NotFound />;
    default:
      return <NotFound />;
  }
}

function Choice({ label, sub, onClick }: { label: string; sub: string; onClick: () => void }) {
  return (
    <li>
      <button type="button" class="tile choice-tile" onClick={onClick}>
        <span class="tile-label">{label}</span> <span class="tile-sub">{sub}</span>
      </button>
    </li>
  );
}

function Triage() {
  const { config } = useKioskState();
  // Without the intake key nothing can be sealed: say so before the visitor types anything.
  const key = useAsync(() => getIntakeKey(outboxDb(), config), [config]);
  const noKey = !key.loading && !key.value;
  const start = (staffAssisted: boolean) => {
    if (noKey) return navigate(href(['apply', 'unavailable']));
    startDraft(staffAssisted);
    navigate(href(['apply', 'form', '1']));
  };
  return (
    <section class="screen triage" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.triage.title')}
      </h1>
      <p>{t('apply.triage.lead')}</p>
      {noKey ? (
        <p class="status error" role="alert">
          {t('apply.unavailable.short')}
        </p>
      ) : null}
      <ul class="tiles triage-tiles" aria-label={t('apply.triage.title')}>
        <Choice
          label={t('apply.triage.info')}
          sub={t('apply.triage.info.sub')}
          onClick={() => start(false)}
        />
        <Choice
          label={t('apply.triage.petition')}
          sub={t('apply.triage.petition.sub')}
          onClick={() => navigate(href(['apply', 'elsewhere', 'petition']))}
        />
        <Choice
          label={t('apply.triage.correction')}
          sub={t('apply.triage.correction.sub')}
          onClick={() => navigate(href(['apply', 'elsewhere', 'correction']))}
        />
        <Choice
          label={t('apply.triage.published')}
          sub={t('apply.triage.published.sub')}
          onClick={() => navigate('#/')}
        />
        <Choice
          label={t('apply.triage.staff')}
          sub={t('apply.triage.staff.sub')}
          onClick={() => start(true)}
        />
      </ul>
      <ZoneGuides />
      <p>
        <a class="button secondary" href={href(['apply', 'status'])}>
          {t('apply.status.title')}
        </a>
      </p>
    </section>
  );
}

function Desk() {
  const { config } = useKioskState();
  return config?.deskLocation ? (
    <p class="desk">{t('search.none.deskAt', { where: config.deskLocation })}</p>
  ) : null;
}

function Elsewhere({ kind }: { kind: 'petition' | 'correction' }) {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t(kind === 'petition' ? 'apply.petition.title' : 'apply.correction.title')}
      </h1>
      <p>{t(kind === 'petition' ? 'apply.petition.why' : 'apply.correction.why')}</p>
      <p>{t(kind === 'petition' ? 'apply.petition.where' : 'apply.correction.where')}</p>
      <Desk />
      <div class="form-actions">
        {kind === 'correction' ? (
          <a class="button" href={href(['departments'])}>
            {t('home.departments')}
          </a>
        ) : null}
        <a class="button secondary" href={href(['apply'])}>
          {t('apply.backToTriage')}
        </a>
      </div>
    </section>
  );
}

function Unavailable() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.unavailable.title')}
      </h1>
      <p>{t('apply.unavailable.why')}</p>
      <p>{t('apply.unavailable.paper')}</p>
      <Desk />
    </section>
  );
}
