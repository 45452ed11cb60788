// The idle warning: a countdown and a big 继续使用; when it runs out the kiosk resets for the next visitor.
import { t } from '../../i18n/strings.ts';
import { continueVisit, endVisit, useIdleView } from '../../kiosk/session.ts';
import { Modal } from './Modal.tsx';

export function IdleWarning() {
  const { warning, secondsLeft } = useIdleView();
  if (!warning) return null;
  return (
    <Modal
      labelledBy="idle-title"
      describedBy="idle-body"
      role="alertdialog"
      class="idle"
      onClose={continueVisit}
    >
      <h2 id="idle-title">{t('idle.title')}</h2>
      <p id="idle-body">{t('idle.body', { n: secondsLeft })}</p>
      <p class="countdown" aria-hidden="true">
        {secondsLeft}
      </p>
      <div class="actions">
        <button type="button" class="button big" autoFocus onClick={continueVisit}>
          {t('idle.continue')}
        </button>
        <button type="button" class="button secondary" onClick={() => endVisit('visitor')}>
          {t('idle.end')}
        </button>
      </div>
    </Modal>
  );
}
