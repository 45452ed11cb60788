// The wide landscape screen (1920×1080) as the script sees it: what CSS alone cannot change, such as what a tap on
// a search result does.
import { useEffect, useState } from 'preact/hooks';

/** The same breakpoint as layout.css's landscape block (the form's steps beside the current step). */
export const WIDE_LANDSCAPE = '(orientation: landscape) and (min-width: 1600px)';

/** True while the screen is wide and landscape; follows a rotation or a resized window. */
export function useWideLandscape(): boolean {
  const [wide, setWide] = useState(() => matchMedia(WIDE_LANDSCAPE).matches);
  useEffect(() => {
    const query = matchMedia(WIDE_LANDSCAPE);
    const changed = () => setWide(query.matches);
    changed();
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return wide;
}
