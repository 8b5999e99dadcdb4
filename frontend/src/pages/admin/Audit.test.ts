import { describe, expect, it } from 'vitest';
import { toAuditQuery } from './Audit';

describe('toAuditQuery', () => {
  it('leaves out empty filters', () => {
    expect(toAuditQuery({ action: '', actor: '', network: '', from: '', to: '' })).toEqual({
      action: undefined,
      actor: undefined,
      network: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('sends whole local days as RFC 3339', () => {
    const q = toAuditQuery({ action: 'token.created', actor: 'p1', network: 'n1', from: '2026-03-01', to: '2026-03-02' });
    expect(q.action).toBe('token.created');
    expect(q.actor).toBe('p1');
    expect(q.network).toBe('n1');
    expect(q.from).toBe(new Date(2026, 2, 1, 0, 0, 0, 0).toISOString());
    expect(q.to).toBe(new Date(2026, 2, 2, 23, 59, 59, 999).toISOString());
    expect(q.from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
