import { useCallback, useEffect, useRef } from 'react';
import { retriesByItself, type SaveState } from './autosave';

/** autosaveDelay is how long typing must pause before a draft is saved. */
export const autosaveDelay = 1500;
/** retryDelay is how long to wait before trying a save again by itself (no connection, server error). */
export const retryDelay = 15_000;

/**
 * useWriteQueue runs the writes of one form one after the other, so they
 * never overtake each other and versions stay in step. A failed write
 * does not stop the ones after it.
 */
export function useWriteQueue() {
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.current.then(fn, fn);
    chain.current = p.catch(() => undefined);
    return p;
  }, []);
}

/**
 * useAutosaveTimers saves after a pause in typing (edits counts the
 * edits, so each one restarts the pause), and tries a save that failed for
 * want of a connection or by a server error again by itself: after a
 * while, or as soon as the browser is online again.
 */
export function useAutosaveTimers(save: SaveState, edits: number, saveNow: () => unknown) {
  useEffect(() => {
    if (save.status !== 'pending') return;
    const timer = window.setTimeout(() => void saveNow(), autosaveDelay);
    return () => window.clearTimeout(timer);
  }, [save.status, edits, saveNow]);

  const retrying = save.status === 'failed' && retriesByItself(save.reason);
  useEffect(() => {
    if (!retrying) return;
    const again = () => void saveNow();
    const timer = window.setTimeout(again, retryDelay);
    window.addEventListener('online', again);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('online', again);
    };
  }, [retrying, saveNow]);
}
