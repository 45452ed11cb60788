// An outside address is never opened on the kiosk: it is shown as a QR code to take away on a phone.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/strings.ts';
import { installGuards } from '../../kiosk/guards.ts';
import { Modal } from './Modal.tsx';
import { lazyComponent } from '../hooks.ts';

// The QR code drawing is fetched on first use (as the detail pages do), keeping first paint small.
const QrCode = lazyComponent(
  () => import('./QrCode.tsx').then((m) => m.QrCode),
  () => null,
);

export function ExternalLinkGuard() {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => installGuards((u) => setUrl(u)), []);
  if (!url) return null;
  return (
    <Modal labelledBy="ext-title" describedBy="ext-body" onClose={() => setUrl(null)}>
      <h2 id="ext-title">{t('external.title')}</h2>
      <p id="ext-body">{t('external.body')}</p>
      <QrCode text={url} label={t('external.qr')} size={280} />
      <p class="url" lang="en">
        {url}
      </p>
      <div class="actions">
        <button type="button" class="button" autoFocus onClick={() => setUrl(null)}>
          {t('staff.close')}
        </button>
      </div>
    </Modal>
  );
}
