import { useEffect, useState } from 'react';

/**
 * useListFocus serves a list that changes under the keyboard (entries
 * added, moved, removed): say puts a message in a polite live region
 * (StatusMessage), focus names the element to focus once the list has
 * rendered anew — a disabled one (the first "up" button) is left alone.
 * list is what changes; the focus waits for it.
 */
export function useListFocus(list: unknown) {
  const [message, say] = useState<string | null>(null);
  const [target, focus] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    const el = document.getElementById(target) as HTMLButtonElement | null;
    if (el && !el.disabled) el.focus();
    focus(null);
  }, [target, list]);
  return { message, say, focus };
}
