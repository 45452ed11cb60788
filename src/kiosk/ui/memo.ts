// A component that renders again only when one of its props changed (shallow). preact/compat's memo does the
// same, but importing compat installs its React-compatibility hooks on every element the kiosk renders, work each
// keystroke paid for (issue 11, item 7).
import { h, type Component, type FunctionComponent } from 'preact';

function differs(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k in a) if (k !== 'children' && !(k in b)) return true;
  for (const k in b) if (k !== 'children' && a[k] !== b[k]) return true;
  return false;
}

/**
 * `same` replaces the shallow comparison where a prop is a fresh object each render that is often equal in value
 * (a search result rebuilt for every answer).
 */
export function memo<P extends object>(
  render: FunctionComponent<P>,
  same?: (prev: P, next: P) => boolean,
): FunctionComponent<P> {
  function Memoed(this: Component<P>, props: P) {
    this.shouldComponentUpdate = function (this: Component<P>, next: P) {
      if (same) return !same(this.props as P, next);
      return differs(this.props as Record<string, unknown>, next as Record<string, unknown>);
    };
    return h(render, props);
  }
  Memoed.displayName = `Memo(${render.displayName ?? render.name})`;
  return Memoed as FunctionComponent<P>;
}
