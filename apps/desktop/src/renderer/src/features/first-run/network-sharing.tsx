import type { ServerChoice } from '@parley/shared/ipc';

type HostChoice = Extract<ServerChoice, { mode: 'host' }>;

interface NetworkSharingProps {
  hosted: HostChoice;
  busy: boolean;
  onChange: (share: boolean) => void;
}

/**
 * Who can reach the server hosted here. Sharing is off until chosen, and while on it says
 * plainly who can connect and that nothing is encrypted.
 */
export function NetworkSharing({ hosted, busy, onChange }: NetworkSharingProps) {
  return (
    <section className="sharing" aria-labelledby="sharing-heading">
      <h2 id="sharing-heading">Who can join</h2>
      <label className="sharing-toggle">
        <input type="checkbox" checked={hosted.shared} disabled={busy} onChange={(event) => onChange(event.target.checked)} />
        <span>Let colleagues on this network join</span>
      </label>
      {busy ? <p className="first-run-lead">Restarting the server…</p> : null}
      {hosted.shared ? <SharedDetails shareUrls={hosted.shareUrls} /> : <p className="first-run-lead">Only this computer can reach this server.</p>}
    </section>
  );
}

function SharedDetails({ shareUrls }: { shareUrls: string[] }) {
  return (
    <>
      <div className="sharing-notice" role="note">
        <p>Anyone on this network can reach this server and sign up.</p>
        <p>Traffic is not encrypted (plain HTTP): messages and passwords can be read on the network. Share it only on a network you trust.</p>
      </div>
      {shareUrls.length > 0 ? (
        <>
          <p className="first-run-lead">Colleagues join with one of these addresses:</p>
          <ul className="share-urls">
            {shareUrls.map((u) => (
              <li key={u}>
                <code>{u}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="first-run-lead">This computer has no network address right now; connect it to the network first.</p>
      )}
    </>
  );
}
