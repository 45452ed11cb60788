// `npx tsx src/server/main.ts desk-user …`: creates a desk account (the first admin on a new server, or any user)
// and prints its one-time password; and the sample clerk `npm start` creates for the sample district.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { DeskAccounts, STAFF_ROLES, type StaffRole, type StaffUser } from './accounts.ts';
import { generatePassword, hashPassword } from './passwords.ts';

export async function createDeskUser(
  db: Database,
  opts: { username: string; displayName?: string; role: string; agencies: string[] },
): Promise<{ user: StaffUser; password: string }> {
  if (!(STAFF_ROLES as readonly string[]).includes(opts.role))
    throw new Error(`--role: one of ${STAFF_ROLES.join(', ')} (got ${opts.role})`);
  const password = generatePassword();
  const user = await new DeskAccounts(db, () => new Date()).createUser({
    username: opts.username,
    displayName: opts.displayName ?? opts.username,
    role: opts.role as StaffRole,
    agencies: opts.agencies,
    password,
  });
  return { user, password };
}

/** The agency ids of a bundle's departments.json. */
export async function bundleAgencyIds(bundleDir: string): Promise<string[]> {
  const raw = JSON.parse(await readFile(join(bundleDir, 'data', 'departments.json'), 'utf8')) as unknown;
  return z
    .array(z.object({ id: z.string() }))
    .parse(raw)
    .map((d) => d.id);
}

/**
 * The sample district's clerk (user `clerk`, every agency of the sample): created on the first `npm start`, given a
 * new password on every start (only the hash is kept, so the password can only be shown when it is set).
 */
export async function resetSampleClerk(
  db: Database,
  agencies: string[],
): Promise<{ username: string; password: string }> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  await db.query(
    `INSERT INTO staff_users (username, display_name, role, agencies, password_hash) VALUES ('clerk', '示例经办人', 'clerk', $1::text[], $2)
     ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, agencies = EXCLUDED.agencies, disabled = false`,
    [agencies, hash],
  );
  return { username: 'clerk', password };
}
