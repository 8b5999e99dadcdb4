import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import { failReason, initialSave, retriesByItself, saveReducer, type SaveEvent, type SaveState } from './autosave';

const run = (events: SaveEvent[], from: SaveState = initialSave) => events.reduce(saveReducer, from);

describe('saveReducer', () => {
  it('goes pending on an edit and clean after a save', () => {
    expect(run([{ type: 'edit' }])).toEqual({ status: 'pending', savedAt: undefined });
    expect(run([{ type: 'edit' }, { type: 'start' }, { type: 'done', at: 5, clean: true }])).toEqual({ status: 'clean', savedAt: 5 });
  });
  it('saves again when typing went on during a save', () => {
    const s = run([{ type: 'edit' }, { type: 'start' }, { type: 'edit' }, { type: 'done', at: 5, clean: true }]);
    expect(s).toEqual({ status: 'pending', savedAt: 5 });
  });
  it('keeps a failure with its reason and the last save time until the next edit', () => {
    const failed = run([{ type: 'edit' }, { type: 'start' }, { type: 'done', at: 5, clean: true }, { type: 'edit' }, { type: 'start' }, { type: 'fail', reason: 'conflict' }]);
    expect(failed).toEqual({ status: 'failed', savedAt: 5, reason: 'conflict' });
    expect(saveReducer(failed, { type: 'edit' })).toEqual({ status: 'pending', savedAt: 5 });
  });
  it('stays pending when the connection dropped while more was typed', () => {
    expect(run([{ type: 'edit' }, { type: 'start' }, { type: 'edit' }, { type: 'fail', reason: 'offline' }])).toEqual({
      status: 'pending',
      savedAt: undefined,
    });
  });
  it('stays pending when something is still unsaved after a save', () => {
    expect(run([{ type: 'edit' }, { type: 'start' }, { type: 'done', at: 7, clean: false }])).toEqual({ status: 'pending', savedAt: 7 });
  });
});

describe('failReason', () => {
  it('sorts errors into what the author is told', () => {
    const stale = new ApiError({ status: 409, fieldProblems: { version: [{ field: 'version', code: 'stale_version', message: '' }] } });
    expect(failReason(stale)).toBe('conflict');
    expect(failReason(new ApiError({ status: 409 }))).toBe('locked');
    expect(failReason(new ApiError({ status: 422, findings: [{ field: '/summary', type: 'person', start: 0, end: 4, direct: true }] }))).toBe('findings');
    expect(failReason(new ApiError({ status: 422 }))).toBe('invalid');
    expect(failReason(new ApiError({ status: 0 }))).toBe('offline');
    expect(failReason(new ApiError({ status: 404 }))).toBe('gone');
    expect(failReason(new ApiError({ status: 403 }))).toBe('gone');
    expect(failReason(new ApiError({ status: 401 }))).toBe('signedOut');
    expect(failReason(new ApiError({ status: 400 }))).toBe('invalid');
    expect(failReason(new ApiError({ status: 503 }))).toBe('error');
    expect(failReason(new Error('x'))).toBe('error');
  });
  it('retries by itself only what may pass', () => {
    expect(retriesByItself('offline')).toBe(true);
    expect(retriesByItself('error')).toBe(true);
    expect(retriesByItself('conflict')).toBe(false);
    expect(retriesByItself('findings')).toBe(false);
  });
});
