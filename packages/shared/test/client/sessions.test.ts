import { describe, expect, it, vi } from 'vitest';
import { endOtherSessions } from '../../src/client/sessions.js';

const listed = {
  ok: true as const,
  value: {
    sessions: [
      { session_id: 1, created_at: '2026-11-24T09:30:00.000Z', last_used_at: '2026-11-24T09:30:00.000Z', client: 'Chrome on Linux', current: false },
      { session_id: 2, created_at: '2026-11-24T09:30:00.000Z', last_used_at: '2026-11-24T09:30:00.000Z', client: 'Parley desktop on Windows', current: true },
      { session_id: 3, created_at: '2026-11-24T09:30:00.000Z', last_used_at: '2026-11-24T09:30:00.000Z', client: 'Firefox on macOS', current: false },
    ],
  },
};
const ended = { ok: true as const, value: { status: 'logged_out' as const } };

describe('endOtherSessions', () => {
  it('ends every session but the current one', async () => {
    const api = { sessions: vi.fn(async () => listed), endSession: vi.fn(async () => ended) };
    expect(await endOtherSessions(api)).toEqual({ ok: true, value: { ended: 2 } });
    expect(api.endSession.mock.calls).toEqual([[1], [3]]);
  });

  it('a session that ended meanwhile (404) counts as ended', async () => {
    const api = {
      sessions: vi.fn(async () => listed),
      endSession: vi.fn(async (id: number) =>
        id === 1 ? ({ ok: false as const, error: { code: 'not_found' as const, message: 'gone' } }) : ended,
      ),
    };
    expect(await endOtherSessions(api)).toEqual({ ok: true, value: { ended: 2 } });
  });

  it('another failure stops and is answered', async () => {
    const down = { ok: false as const, error: { code: 'unavailable' as const, message: 'later' } };
    const api = { sessions: vi.fn(async () => listed), endSession: vi.fn(async () => down) };
    expect(await endOtherSessions(api)).toEqual(down);
    expect(api.endSession).toHaveBeenCalledOnce();
  });

  it('a failed list is answered as it came', async () => {
    const refused = { ok: false as const, error: { code: 'unauthorized' as const, message: 'sign in' } };
    const api = { sessions: vi.fn(async () => refused), endSession: vi.fn(async () => ended) };
    expect(await endOtherSessions(api)).toEqual(refused);
    expect(api.endSession).not.toHaveBeenCalled();
  });
});
