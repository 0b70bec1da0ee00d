import type { Result } from '../ipc/bridge.js';
import type { ParleyApi } from './parley-api.js';

/**
 * "Log out everywhere else": every session but this one, ended one `DELETE /sessions/{id}` at a
 * time (the protocol has no call for all at once). A session that ended meanwhile (404) counts
 * as ended; the first other failure stops the loop and is answered.
 */
export async function endOtherSessions(api: Pick<ParleyApi, 'sessions' | 'endSession'>): Promise<Result<{ ended: number }>> {
  const listed = await api.sessions();
  if (!listed.ok) return listed;
  let ended = 0;
  for (const session of listed.value.sessions) {
    if (session.current) continue;
    const result = await api.endSession(session.session_id);
    if (!result.ok && result.error.code !== 'not_found') return result;
    ended += 1;
  }
  return { ok: true, value: { ended } };
}
