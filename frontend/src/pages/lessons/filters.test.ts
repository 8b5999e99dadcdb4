import { describe, expect, it } from 'vitest';
import { lessonFiltersFromSearch, lessonFiltersToSearch, toLessonQuery } from './filters';

const id = '00000000-0000-4000-8000-0000000000c1';

describe('lesson filters', () => {
  it('read back what they write, in a stable order', () => {
    const f = { status: 'accepted', code: id, case: '', q: 'wachten' } as const;
    expect(lessonFiltersToSearch(f).toString()).toBe(`status=accepted&code=${id}&q=wachten`);
    expect(lessonFiltersFromSearch(lessonFiltersToSearch(f))).toEqual(f);
  });

  it('drop what cannot be right, so a mangled link still lists', () => {
    expect(lessonFiltersFromSearch(new URLSearchParams('status=gone&code=T1.wachttijd&case=1&q=' + 'x'.repeat(150)))).toEqual({
      status: '',
      code: '',
      case: '',
      q: 'x'.repeat(100),
    });
  });

  it('start facilitators at the lessons to curate and send no status for anyone else', () => {
    const none = { status: '', code: '', case: '', q: '' } as const;
    expect(toLessonQuery(none, true).status).toBe('proposed');
    expect(toLessonQuery({ ...none, status: 'all' }, true).status).toBeUndefined();
    expect(toLessonQuery({ ...none, status: 'rejected' }, true).status).toBe('rejected');
    expect(toLessonQuery({ ...none, status: 'rejected' }, false).status).toBeUndefined();
  });
});
