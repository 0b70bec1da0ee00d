import { useState, type FormEvent } from 'react';
import type { ServerChoice } from '@parley/shared/ipc';
import { bridge } from '../../bridge';
import { appStore } from '../../stores/app-store';
import { Field } from '../../ui/field';
import { HostingScreen } from './hosting-screen';
import './first-run.css';

/** Desktop only: join a team's server, or host one on this computer. */
export function FirstRunScreen() {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'join' | 'host' | null>(null);
  const [hosted, setHosted] = useState<ServerChoice | null>(null);

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy('join');
    setError(null);
    const result = await bridge.server.join(url.trim());
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    appStore.getState().setServer(result.value);
    appStore.getState().setPhase('signed-out');
  }

  async function host() {
    setBusy('host');
    setError(null);
    const result = await bridge.server.host();
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    appStore.getState().setServer(result.value);
    setHosted(result.value);
  }

  if (hosted?.mode === 'host') return <HostingScreen initial={hosted} />;

  return (
    <main className="first-run">
      <div className="card first-run-card">
        <h1>Welcome to Parley</h1>
        <p className="first-run-lead">Connect to your team’s server, or start one on this computer.</p>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <form className="first-run-option" onSubmit={(e) => void join(e)}>
          <h2>Join a team server</h2>
          <Field label="Server address" placeholder="https://chat.example.com" value={url} onChange={(e) => setUrl(e.target.value)} autoFocus />
          <button type="submit" className="button" disabled={!url.trim() || busy !== null}>
            {busy === 'join' ? 'Checking…' : 'Join'}
          </button>
        </form>
        <div className="first-run-divider">or</div>
        <div className="first-run-option">
          <h2>Host on this computer</h2>
          <p className="first-run-lead">Parley runs its own server here, for this computer only until you let colleagues on your network join.</p>
          <button type="button" className="button secondary" onClick={() => void host()} disabled={busy !== null}>
            {busy === 'host' ? 'Starting…' : 'Host on this computer'}
          </button>
        </div>
      </div>
    </main>
  );
}
