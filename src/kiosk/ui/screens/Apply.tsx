// Placeholder: the application form comes with the apply issue.
import { t } from '../../i18n/strings.ts';

export function Apply() {
  return (
    <section class="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {t('apply.title')}
      </h1>
      <p>{t('apply.soon')}</p>
    </section>
  );
}
