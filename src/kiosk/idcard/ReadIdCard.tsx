// 读取身份证 on the applicant step: shown only when kiosk-config names a reader. Fills the name and the ID number
// (as 居民身份证) into the draft, which the visit's end clears; nothing else of the card is kept anywhere.
import { useMemo, useState } from 'preact/hooks';
import { t, type StringId } from '../i18n/strings.ts';
import { useKioskState } from '../state.ts';
import { IdCardError, readerFromConfig, type IdCardData } from './reader.ts';

type Outcome = { kind: 'reading' } | { kind: 'done' } | { kind: 'failed'; problem: string } | null;

export function ReadIdCard({ onRead }: { onRead: (card: IdCardData) => void }) {
  const { config } = useKioskState();
  const reader = useMemo(() => readerFromConfig(config), [config]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  if (!reader) return null;
  const read = async () => {
    if (outcome?.kind === 'reading') return;
    setOutcome({ kind: 'reading' });
    try {
      onRead(await reader.read());
      setOutcome({ kind: 'done' });
    } catch (e) {
      const problem = e instanceof IdCardError ? e.problem : 'unavailable';
      setOutcome({ kind: 'failed', problem });
    }
  };
  return (
    <div class="idcard">
      <p class="hint">{t('idcard.lead')}</p>
      <button
        type="button"
        class="button secondary"
        onClick={() => void read()}
        disabled={outcome?.kind === 'reading'}
      >
        <span aria-hidden="true">🪪 </span>
        {outcome?.kind === 'reading' ? t('idcard.reading') : t('idcard.read')}
      </button>
      <p role="status" class={outcome?.kind === 'failed' ? 'status error' : 'status'}>
        {outcome?.kind === 'done'
          ? t('idcard.done')
          : outcome?.kind === 'failed'
            ? t(`idcard.problem.${outcome.problem}` as StringId)
            : ''}
      </p>
    </div>
  );
}
