// "Take it home" (issue 14): a QR code that opens this item, guide or interpretation on the visitor's phone (the
// zone server's public page of it, or the government website's page when the item has one), and for guides a
// 打印 button (80 mm roll or A4: print styles in layout.css).
import { t } from '../../i18n/strings.ts';
import { useKioskState } from '../../state.ts';
import { publicPageUrl, type PublicPageKind } from '../public-url.ts';
import { QrCode } from './QrCode.tsx';

/** Waits for the fonts (a page printed in a fallback font can lose characters), then prints. */
async function printPage(): Promise<void> {
  await document.fonts?.ready;
  document.documentElement.classList.add('printing-page');
  try {
    window.print();
  } finally {
    document.documentElement.classList.remove('printing-page');
  }
}

export function TakeHome({
  kind,
  id,
  name,
  url,
  printable = false,
}: {
  kind: Exclude<PublicPageKind, 'status'>;
  id: string;
  name: string;
  /** The government website's own page, when there is one. */
  url?: string | null;
  printable?: boolean;
}) {
  const { config } = useKioskState();
  const text = url || publicPageUrl(config, kind, id);
  return (
    <section class="qr-block take-home" aria-labelledby="qr-heading">
      <h2 id="qr-heading">{url ? t('item.qr') : t('takeHome.qr')}</h2>
      <QrCode text={text} label={t(url ? 'item.qrAlt' : 'takeHome.qrAlt', { name })} size={200} />
      {printable ? (
        <p class="no-print">
          <button type="button" class="button secondary" onClick={() => void printPage()}>
            {t('takeHome.print')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
