// The staff side of the leaked-key recovery: when kiosk-config names root keys staff have not confirmed, this
// section lists them and, on confirmation, lets the new root's first bundle reset the version guard.
import { useEffect, useState } from 'preact/hooks';
import type { KioskConfig } from '../../core/config/kiosk-config.ts';
import { confirmNewRoots, pendingRootChange, type RootChange } from '../bundle/trust-roots.ts';
import { checkChannelAfterCurrent } from './updates.ts';

export function TrustRootsSection({ config }: { config: KioskConfig | null }) {
  const [change, setChange] = useState<RootChange | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (config) void pendingRootChange(config).then(setChange);
  }, [config]);
  if (!config || (!change && !done)) return null;
  return (
    <section aria-labelledby="staff-trust">
      <h2 id="staff-trust">签名密钥已更换</h2>
      {done ? (
        <p role="status">已确认新的签名密钥：新密钥签发的第一个内容包将作为新的版本起点。</p>
      ) : (
        <>
          <p role="alert" class="staff-warning">
            kiosk-config 新增了签名密钥 {change!.added.join('、')}
            {change!.removed.length ? `，不再信任 ${change!.removed.join('、')}` : ''}
            。仅在信息中心通知密钥泄露、已更换密钥时确认：确认后，新密钥签发的第一个内容包即使版本号较小也会上线。
          </p>
          <button
            type="button"
            class="button"
            onClick={() =>
              void confirmNewRoots(config).then(() => {
                setDone(true);
                setChange(null);
                void checkChannelAfterCurrent();
              })
            }
          >
            确认新密钥并重置版本保护
          </button>
        </>
      )}
    </section>
  );
}
