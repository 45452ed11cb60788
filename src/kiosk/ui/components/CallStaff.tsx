// 呼叫工作人员: in the same place on every screen; shows where the desk is and notifies the zone server.
import { useState } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { callStaff, type CallOutcome } from '../../kiosk/call-staff.ts';
import { useKioskState } from '../../state.ts';
import { Modal } from './Modal.tsx';

export function CallStaff() {
  const { config } = useKioskState();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CallOutcome | 'sending' | null>(null);
  const call = () => {
    setOpen(true);
    setOutcome('sending');
    void callStaff(config?.serverUrl ?? '', config?.site ?? 'unknown').then(setOutcome);
  };
  return (
    <>
      <button type="button" class="button staff" onClick={call}>
        {t('staff.call')}
      </button>
      {open ? (
        <Modal labelledBy="staff-title" describedBy="staff-desk" onClose={() => setOpen(false)}>
          <h2 id="staff-title">{t('staff.title')}</h2>
          <p id="staff-desk" class="desk">
            {config?.deskLocation ? (
              <>
                {t('staff.desk', { where: '' })}
                <span lang="zh-CN" data-content>
                  {config.deskLocation}
                </span>
              </>
            ) : (
              t('staff.noDesk')
            )}
          </p>
          <p role="status">
            {outcome === 'sending'
              ? t('staff.sending')
              : outcome === 'sent'
                ? t('staff.sent')
                : outcome
                  ? t('staff.notSent')
                  : ''}
          </p>
          <div class="actions">
            <button type="button" class="button" autoFocus onClick={() => setOpen(false)}>
              {t('staff.close')}
            </button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
