// Small hooks and helpers shared by the screens.
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface AsyncState<T> {
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** Runs an async read when deps change; a result that arrives after deps changed again is dropped. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: undefined, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (value) => current && setState({ value, error: undefined, loading: false }),
      (error: unknown) => current && setState({ value: undefined, error: error as Error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}

/** A component whose code is fetched the first time it renders (keeps first paint small). */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback: ComponentType,
): FunctionComponent<P> {
  let Loaded: ComponentType<P> | null = null;
  let promise: Promise<void> | null = null;
  return function Lazy(props: P) {
    const [, force] = useState(0);
    useEffect(() => {
      if (Loaded) return;
      let alive = true;
      promise ??= load().then((c) => {
        Loaded = c;
      });
      void promise.then(() => alive && force((n) => n + 1));
      return () => {
        alive = false;
      };
    }, []);
    return Loaded ? h(Loaded, props) : h(Fallback, {});
  };
}
