// `kiosk-bundle enrol-code` and `kiosk-bundle kiosks`: the staff side of kiosk enrolment from a shell, through the
// zone server's staff API (the staff token from --staff-token or KIOSK_STAFF_TOKEN). A code is typed once on the
// kiosk's staff screen (终端尚未登记); `kiosks --revoke ID` shuts a lost or stolen kiosk out.
import type { Command } from 'commander';
import { RejectedError, UsageError } from '../errors.ts';

interface ServerOpts {
  server: string;
  staffToken?: string;
}

async function staffCall(opts: ServerOpts, path: string, body?: unknown): Promise<unknown> {
  const token = opts.staffToken ?? process.env.KIOSK_STAFF_TOKEN;
  if (!token) throw new UsageError('--staff-token or KIOSK_STAFF_TOKEN is required');
  const res = await fetch(new URL(path, opts.server), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch((e: unknown) => {
    throw new RejectedError(`${opts.server}: ${(e as Error).message}`);
  });
  const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new RejectedError(`HTTP ${res.status}: ${answer?.error?.message ?? res.statusText}`);
  return answer;
}

const serverOptions = (cmd: Command) =>
  cmd
    .requiredOption('--server <url>', 'the zone server, e.g. http://127.0.0.1:8080')
    .option('--staff-token <token>', 'staff token (default: env KIOSK_STAFF_TOKEN)');

export function registerKiosks(program: Command): void {
  serverOptions(
    program
      .command('enrol-code')
      .description("create a one-time code that enrols one kiosk (typed on the kiosk's staff screen)"),
  )
    .requiredOption('--name <name>', 'the kiosk’s name as staff will see it, e.g. "一楼大厅 1号机"')
    .option('--site <site>', "the kiosk's site (default: the server's kiosk-config site)")
    .option('--ttl-minutes <n>', 'how long the code is valid (default 60)')
    .action(async (opts: ServerOpts & { name: string; site?: string; ttlMinutes?: string }) => {
      const answer = (await staffCall(opts, '/api/v1/staff/enrolment-codes', {
        name: opts.name,
        ...(opts.site ? { site: opts.site } : {}),
        ...(opts.ttlMinutes ? { ttlMinutes: Number(opts.ttlMinutes) } : {}),
      })) as { code: string; site: string; expiresAt: string };
      console.log(
        `enrolment code ${answer.code} for "${opts.name}" (${answer.site}), valid until ${answer.expiresAt}`,
      );
    });

  serverOptions(program.command('kiosks').description('list enrolled kiosks, or revoke one'))
    .option('--revoke <id>', 'revoke the kiosk with this kiosk id or key id')
    .option('--json', 'print JSON')
    .action(async (opts: ServerOpts & { revoke?: string; json?: boolean }) => {
      const answer = (
        opts.revoke
          ? await staffCall(opts, `/api/v1/staff/kiosks/${encodeURIComponent(opts.revoke)}/revoke`, {})
          : await staffCall(opts, '/api/v1/staff/kiosks')
      ) as { kiosks?: KioskView[]; revoked?: KioskView[] };
      if (opts.json) return console.log(JSON.stringify(answer));
      for (const k of answer.revoked ?? answer.kiosks ?? [])
        console.log(
          `${k.kioskId}\t${k.site}\t${k.name}\tenrolled ${k.enrolledAt} (${k.enrolledBy})${k.revokedAt ? `\tREVOKED ${k.revokedAt}` : ''}`,
        );
    });
}

interface KioskView {
  kioskId: string;
  site: string;
  name: string;
  enrolledAt: string;
  enrolledBy: string;
  revokedAt: string | null;
}
