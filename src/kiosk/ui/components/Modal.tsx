// A modal dialog on the native <dialog> (focus kept inside, Esc handled, the rest of the page inert).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  labelledBy: string;
  describedBy?: string;
  role?: 'dialog' | 'alertdialog';
  class?: string;
  onClose: () => void;
  children: ComponentChildren;
}

export function Modal({ labelledBy, describedBy, role = 'dialog', class: cls, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      class={`modal ${cls ?? ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      // A tap on the backdrop (outside the dialog's box) closes it like Esc.
      onClick={(e) => {
        const d = e.currentTarget;
        if (e.target !== d) return;
        const r = d.getBoundingClientRect();
        const inside =
          e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
        if (!inside) onClose();
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}
