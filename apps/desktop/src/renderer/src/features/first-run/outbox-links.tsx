import { useCallback, useEffect, useState } from 'react';
import type { OutboxLink } from '@parley/shared/ipc';
import { bridge } from '../../bridge';
import { ExternalLink } from '../../ui/external-link';

/** With no mail server, the local host keeps confirmation links here instead of sending them. */
export function OutboxLinks() {
  const [links, setLinks] = useState<OutboxLink[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await bridge.server.outbox();
    if (result.ok) {
      setLinks(result.value);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <section className="outbox" aria-labelledby="outbox-heading">
      <div className="outbox-head">
        <h2 id="outbox-heading">Confirmation links</h2>
        <button type="button" className="button secondary small" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      <p className="outbox-note">No mail server is set up, so sign-up and password reset links appear here. Share each with its owner only.</p>
      {error ? <p className="alert">{error}</p> : null}
      {links.length === 0 ? <p className="outbox-empty">No links yet.</p> : null}
      <ul>
        {links.map((link) => (
          <li key={link.link}>
            <span className="outbox-to">{link.to}</span>
            <ExternalLink href={link.link}>{link.link}</ExternalLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
