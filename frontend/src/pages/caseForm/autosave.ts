import { isApiError, isFindingsError } from '../../api/problem';

/**
 * Why a save did not go through. Each asks something else of the author:
 * findings: change or decide on flagged words; conflict: choose between
 * their text and the other one; locked: the case is no longer a draft;
 * gone: no access any more (left the network, case deleted); signedOut:
 * the session ended; offline:
 * wait, we try again; invalid: a field breaks a rule; error: anything else.
 */
export type FailReason = 'findings' | 'conflict' | 'locked' | 'gone' | 'signedOut' | 'offline' | 'invalid' | 'error';

/** SaveState is what the save status line shows. */
export type SaveState =
  | { status: 'clean'; savedAt?: number }
  | { status: 'pending'; savedAt?: number }
  | { status: 'saving'; savedAt?: number; again: boolean }
  | { status: 'failed'; savedAt?: number; reason: FailReason };

export type SaveEvent =
  | { type: 'edit' }
  | { type: 'start' }
  | { type: 'done'; at: number; clean: boolean }
  | { type: 'fail'; reason: FailReason };

export const initialSave: SaveState = { status: 'clean' };

/**
 * saveReducer is the autosave state machine. An edit during a save is
 * remembered (again), so the next save starts as soon as this one ends; a
 * save that ends with changes left (clean false, e.g. a field held back
 * for findings) stays pending. A failure stays shown until the next edit
 * or save starts.
 */
export function saveReducer(s: SaveState, e: SaveEvent): SaveState {
  switch (e.type) {
    case 'edit':
      if (s.status === 'saving') return { ...s, again: true };
      return { status: 'pending', savedAt: s.savedAt };
    case 'start':
      return { status: 'saving', savedAt: s.savedAt, again: false };
    case 'done':
      if (s.status === 'saving' && s.again) return { status: 'pending', savedAt: e.at };
      return e.clean ? { status: 'clean', savedAt: e.at } : { status: 'pending', savedAt: e.at };
    case 'fail':
      if (s.status === 'saving' && s.again && e.reason === 'offline') return { status: 'pending', savedAt: s.savedAt };
      return { status: 'failed', savedAt: s.savedAt, reason: e.reason };
  }
}

/** retriesByItself tells whether a failed save is tried again on the next timer or going online. */
export function retriesByItself(reason: FailReason): boolean {
  return reason === 'offline' || reason === 'error';
}

/** failReason sorts an error from a write into what the author is told. */
export function failReason(e: unknown): FailReason {
  if (isFindingsError(e)) return 'findings';
  if (!isApiError(e)) return 'error';
  if (e.status === 0) return 'offline';
  if (e.status === 409) return e.fieldProblems.version?.some((p) => p.code === 'stale_version') ? 'conflict' : 'locked';
  if (e.status === 401) return 'signedOut';
  if (e.status === 403 || e.status === 404) return 'gone';
  if (e.status === 400 || e.status === 422) return 'invalid';
  return 'error';
}
