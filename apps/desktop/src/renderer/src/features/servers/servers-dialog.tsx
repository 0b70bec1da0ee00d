import { useState, type FormEvent } from 'react';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import { Dialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import './servers.css';

const connectionText = {
  connected: 'Signed in',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  signed_out: 'Not signed in',
} as const;

/**
 * The servers this app is signed in to: add one by its address (it comes on screen, the others
 * stay signed in behind), or sign out of one and take it off the list.
 */
export function ServersDialog({ onClose }: { onClose: () => void }) {
  const servers = useApp((s) => s.servers);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failed = await actions.addServer(url);
    setBusy(false);
    // On success the window loads again on the new server.
    const reason = failed?.fields ? Object.values(failed.fields)[0] : undefined;
    if (failed) setError(reason ? `The address ${reason}.` : failed.message);
  }

  async function remove(serverId: string) {
    setBusy(true);
    const failed = await actions.removeServer(serverId);
    setBusy(false);
    if (failed) setError(failed.message);
  }

  return (
    <Dialog title="Servers" onClose={onClose}>
      <ul className="servers-dialog-list">
        {servers.map((server) => (
          <li key={server.id} className="servers-dialog-item">
            <span className="servers-dialog-name">
              <span className="servers-dialog-label">{server.label}</span>
              <span className="servers-dialog-state">
                {server.active ? 'On screen · ' : ''}
                {server.hosted ? 'Hosted on this computer · ' : ''}
                {connectionText[server.connection]}
                {server.unread > 0 ? ` · ${server.unread} unread` : ''}
              </span>
            </span>
            <button
              type="button"
              className="button ghost small"
              disabled={busy}
              aria-label={`Sign out of ${server.label} and remove it`}
              onClick={() => void remove(server.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <form className="servers-dialog-add" onSubmit={(event) => void add(event)}>
        <Field label="Add a server" placeholder="https://chat.example.com" value={url} onChange={(event) => setUrl(event.target.value)} />
        <p className="servers-dialog-hint">You stay signed in to the others; each keeps its own unread count.</p>
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button" disabled={!url.trim() || busy}>
            {busy ? 'Checking…' : 'Add server'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
