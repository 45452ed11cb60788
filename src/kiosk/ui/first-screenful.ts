// While a visitor types, each keystroke's frame draws only the result rows the screen shows (issue 11, item 7):
// the rows below the fold, or under the on-screen keyboard, are layout and diff work the next keystroke would
// wait for on a kiosk CPU. They are drawn once typing pauses (`useSettled`), so the list is whole before anyone
// can scroll to it, and a screen reader reads the whole list once the visitor stops typing.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The smallest distance between two result rows: the touch target (64px) and the list's gap (10px). */
const MIN_ROW_PITCH = 74;

/** Rows the list showed in its last measurement; 0 until a list has been measured, or after the screen turned. */
let rowsInView = 0;
addEventListener('resize', () => {
  rowsInView = 0;
});

/** How many rows a keystroke's frame draws: what the screen showed last time, or a whole viewport at first. */
export function firstScreenful(): number {
  return rowsInView || Math.ceil(innerHeight / MIN_ROW_PITCH) + 1;
}

/**
 * Measures how many rows fit between the list's top and the bottom of what the visitor sees (the viewport, or
 * the top of the on-screen keyboard when it is open). Called after a paint, when layout is clean and cheap to read.
 * A scrolled list counts the rows scrolled past too, so the visible ones are always among those drawn.
 */
export function measureRowsInView(list: Element): void {
  const top = list.getBoundingClientRect().top;
  const keyboard = document.querySelector('.osk');
  const bottom = Math.min(innerHeight, keyboard?.getBoundingClientRect().top ?? innerHeight);
  // One more row than fits: the row cut by the bottom edge is drawn whole.
  rowsInView = Math.max(1, Math.ceil((bottom - top) / MIN_ROW_PITCH) + 1);
}

/**
 * True once `value` has stayed the same for `ms`. One timer per pause, not a clearTimeout and a setTimeout per
 * keystroke: a timer that fires while the value still changes waits for the rest of the pause.
 */
export function useSettled<T>(value: T, ms: number): boolean {
  const [settled, setSettled] = useState<{ value: T } | null>(null);
  const latest = useRef({ value, at: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (latest.current.value !== value || latest.current.at === 0)
    latest.current = { value, at: performance.now() };
  const isSettled = settled?.value === value;
  // Layout effects run in the render's own task: a keystroke schedules no after-paint callback (a timer and an
  // animation frame per keystroke) as a plain effect would.
  useLayoutEffect(() => {
    if (isSettled || timer.current !== undefined) return;
    const check = () => {
      const wait = latest.current.at + ms - performance.now();
      if (wait > 0) {
        timer.current = setTimeout(check, wait);
        return;
      }
      timer.current = undefined;
      setSettled({ value: latest.current.value });
    };
    timer.current = setTimeout(check, ms);
  }, [value]);
  useLayoutEffect(() => () => clearTimeout(timer.current), []);
  return isSettled;
}
