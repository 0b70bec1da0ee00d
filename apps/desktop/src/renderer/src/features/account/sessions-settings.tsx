import { useCallback, useEffect, useState } from 'react';
import type { ErrorDetail, SessionInfo } from '@parley/shared';
import { bridge } from '../../bridge';
import { formatLastUse } from './last-use';

/** Where the account is signed in: this device first, then the others, each with "Log out". */
export function SessionsSettings() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<ErrorDetail | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await bridge.account.sessions();
    if (result.ok) {
      setSessions([...result.value.sessions].sort((a, b) => Number(b.current) - Number(a.current)));
      setError(null);
    } else {
      setError(result.error);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<{ ok: boolean; error?: ErrorDetail }>) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok && result.error) setError(result.error);
    await load();
  }

  const others = sessions?.filter((s) => !s.current) ?? [];
  return (
    <section className="settings-section" aria-labelledby="settings-sessions">
      <h3 id="settings-sessions">Where you are logged in</h3>
      {error ? (
        <div className="alert" role="alert">
          {error.message}
        </div>
      ) : null}
      {sessions === null && !error ? <p className="settings-hint">Loading…</p> : null}
      <ul className="session-list" aria-label="Sessions">
        {(sessions ?? []).map((session) => (
          <li key={session.session_id} className="session-item">
            <span className="session-text">
              <span className="session-client">
                {session.client}
                {session.current ? <span className="session-badge">This device</span> : null}
              </span>
              <span className="session-meta">
                {session.current ? 'Active now' : `Last used ${formatLastUse(session.last_used_at)}`}
              </span>
            </span>
            {session.current ? null : (
              <button
                type="button"
                className="button secondary small"
                disabled={busy}
                aria-label={`Log out ${session.client}, last used ${formatLastUse(session.last_used_at)}`}
                onClick={() => void run(() => bridge.account.endSession(session.session_id))}
              >
                Log out
              </button>
            )}
          </li>
        ))}
      </ul>
      {sessions !== null ? (
        <div className="settings-actions">
          <button type="button" className="button secondary" disabled={busy || others.length === 0} onClick={() => void run(() => bridge.account.endOtherSessions())}>
            Log out everywhere else
          </button>
        </div>
      ) : null}
    </section>
  );
}
