import type { ReactNode } from 'react';
import { useApp } from './stores/app-store';
import { showsServerRail } from './stores/servers-slice';
import { AuthScreen } from './features/auth/auth-screen';
import { ChatLayout } from './features/conversation/chat-layout';
import { FirstRunScreen } from './features/first-run/first-run-screen';
import { ServerRail } from './features/servers/server-rail';
import { useServerShortcuts } from './features/servers/use-server-shortcuts';

export function App() {
  const phase = useApp((s) => s.phase);
  switch (phase) {
    case 'booting':
      return <div className="splash">Loading Parley…</div>;
    case 'first-run':
      return (
        <WithServers>
          <FirstRunScreen />
        </WithServers>
      );
    case 'signed-out':
      return (
        <WithServers>
          <AuthScreen />
        </WithServers>
      );
    case 'signed-in':
      return (
        <WithServers>
          <ChatLayout />
        </WithServers>
      );
  }
}

/** The screen, with the server switcher beside it once there is more than one server (desktop). */
function WithServers({ children }: { children: ReactNode }) {
  const rail = useApp(showsServerRail);
  useServerShortcuts();
  if (!rail) return children;
  return (
    <div className="with-servers">
      <ServerRail />
      {children}
    </div>
  );
}
