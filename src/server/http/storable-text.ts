// Strings PostgreSQL cannot store (a NUL, a lone UTF-16 surrogate: jsonb and text refuse them) or that have no
// business in a form field (other C0 controls but tab and newlines). Found before storage, they are a 400 with the
// field's path, not a 500 from the database.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badString(s: string): boolean {
  return CONTROL.test(s) || LONE_SURROGATE.test(s);
}

/** The path of the first string (or key) in `value` that cannot be stored, or null. */
export function unstorableTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return badString(value) ? path || '(root)' : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = unstorableTextPath(v, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (badString(k)) return here;
      const p = unstorableTextPath(v, here);
      if (p) return p;
    }
  }
  return null;
}
