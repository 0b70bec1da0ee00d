import { useState } from 'react';
import type { ServerChoice } from '@parley/shared/ipc';
import { bridge } from '../../bridge';
import { appStore } from '../../stores/app-store';
import { NetworkSharing } from './network-sharing';
import { OutboxLinks } from './outbox-links';

type HostChoice = Extract<ServerChoice, { mode: 'host' }>;

/** After "Host on this computer": who can join, the confirmation links, then on to sign-in. */
export function HostingScreen({ initial }: { initial: HostChoice }) {
  const [hosted, setHosted] = useState<HostChoice>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function share(on: boolean) {
    setBusy(true);
    setError(null);
    const result = await bridge.server.setSharing(on);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    appStore.getState().setServer(result.value);
    if (result.value.mode === 'host') setHosted(result.value);
  }

  return (
    <main className="first-run">
      <div className="card first-run-card">
        <h1>Your server is running</h1>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <NetworkSharing hosted={hosted} busy={busy} onChange={(on) => void share(on)} />
        <OutboxLinks />
        <button type="button" className="button" disabled={busy} onClick={() => appStore.getState().setPhase('signed-out')}>
          Continue
        </button>
      </div>
    </main>
  );
}
