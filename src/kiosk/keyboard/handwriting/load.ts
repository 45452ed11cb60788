// The handwriting recogniser and its templates (~200 KB gzip) are fetched when the pad is first opened, never
// for the first paint; then kept for the life of the page (they hold nothing of a visitor).
import type { HandwritingRecogniser } from './recognise.ts';

let loading: Promise<HandwritingRecogniser> | null = null;

export function loadRecogniser(): Promise<HandwritingRecogniser> {
  loading ??= Promise.all([import('./medians.ts'), import('./recognise.ts'), import('./pack.ts')]).then(
    ([data, rec, pack]) => new rec.HandwritingRecogniser(pack.unpack(data.MEDIANS)),
  );
  loading.catch(() => (loading = null));
  return loading;
}
