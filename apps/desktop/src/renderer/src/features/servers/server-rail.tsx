import { useState } from 'react';
import { actions } from '../../actions/app-actions';
import { useApp } from '../../stores/app-store';
import { ServersDialog } from './servers-dialog';
import { ServerTiles } from './server-tiles';
import './servers.css';

/**
 * The compact switcher down the window's left edge, once the app is signed in to more than one
 * server. Ctrl/Cmd+1…9 reach the first nine (`useServerShortcuts`).
 */
export function ServerRail() {
  const servers = useApp((s) => s.servers);
  const [managing, setManaging] = useState(false);
  return (
    <nav className="server-rail" aria-label="Servers">
      <ServerTiles servers={servers} onSwitch={(id) => void actions.switchServer(id)} onManage={() => setManaging(true)} />
      {managing ? <ServersDialog onClose={() => setManaging(false)} /> : null}
    </nav>
  );
}
