// A big touch tile: a link with a main label and an optional second line.
import type { ComponentChildren } from 'preact';

export function Tile({ to, label, sub }: { to: string; label: string; sub?: ComponentChildren }) {
  return (
    <li>
      <a class="tile" href={to}>
        <span class="tile-label" lang="zh-CN">
          {label}
        </span>
        {sub ? (
          <>
            {' '}
            <span class="tile-sub">{sub}</span>
          </>
        ) : null}
      </a>
    </li>
  );
}

export function TileGrid({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <ul class="tiles" aria-label={label}>
      {children}
    </ul>
  );
}
