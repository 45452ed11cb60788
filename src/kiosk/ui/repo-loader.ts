// The data layer (Dexie) is fetched after first paint; screens await it through here.
type Repo = typeof import('../data/repo.ts');

let loading: Promise<Repo> | null = null;

export function repo(): Promise<Repo> {
  loading ??= import('../data/repo.ts');
  return loading;
}
