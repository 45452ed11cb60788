// The agencies a desk can assign and filter by: the live bundle's departments.json (id and name), validated with
// the bundle's own schema. A server without a bundle (or a bundle without the file) has none.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleDataSchemas } from '../../core/bundle/schema.ts';

export async function bundleDepartments(
  bundleDir: string | null,
): Promise<Array<{ id: string; name: string }>> {
  if (!bundleDir) return [];
  let text: string;
  try {
    text = await readFile(join(bundleDir, 'data', 'departments.json'), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return BundleDataSchemas.departments.parse(JSON.parse(text)).map((d) => ({ id: d.id, name: d.name }));
}
