import { t } from '../../i18n/strings.ts';

export function Loading() {
  return (
    <p class="status" role="status">
      {t('state.loading')}
    </p>
  );
}

export function NotFound() {
  return (
    <section class="screen">
      <h1>{t('state.notFound')}</h1>
    </section>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  return (
    <p class="status error" role="alert">
      {t('state.error', { message: error.message })}
    </p>
  );
}
