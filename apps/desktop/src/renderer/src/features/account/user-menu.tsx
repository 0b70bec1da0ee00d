import { useState } from 'react';
import { actions } from '../../actions/app-actions';
import { fullName } from '../../lib/format';
import { useApp } from '../../stores/app-store';
import { Avatar } from '../../ui/avatar';
import { bridge } from '../../bridge';
import { ServersDialog } from '../servers/servers-dialog';
import { SettingsDialog } from './settings-dialog';
import './account.css';

/**
 * The signed-in user at the bottom of the sidebar: their name opens the account menu (settings:
 * names, password, sessions; on the desktop, the servers signed in to); "Log out" stays one
 * click away beside it.
 */
export function UserMenu() {
  const self = useApp((s) => s.self);
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<'settings' | 'servers' | null>(null);
  if (!self) return null;
  const item = (label: string, opens: 'settings' | 'servers') => (
    <button
      type="button"
      className="user-menu-item"
      onClick={() => {
        setOpen(false);
        setDialog(opens);
      }}
    >
      {label}
    </button>
  );
  return (
    <footer className="sidebar-footer user-menu">
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls="user-menu-items"
        aria-label={`Account menu for ${fullName(self)}`}
        onClick={() => setOpen((was) => !was)}
      >
        <Avatar user={self} size="small" />
        <span className="sidebar-self">
          <span className="sidebar-self-name">{fullName(self)}</span>
          <span className="sidebar-self-email">{self.email}</span>
        </span>
        <span aria-hidden="true" className="user-menu-caret">
          ▴
        </span>
      </button>
      {open ? (
        <div id="user-menu-items" className="user-menu-items card">
          {item('Settings…', 'settings')}
          {bridge.platform === 'desktop' ? item('Servers…', 'servers') : null}
        </div>
      ) : null}
      <button type="button" className="button ghost small" onClick={() => void actions.logout()}>
        Log out
      </button>
      {dialog === 'settings' ? <SettingsDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'servers' ? <ServersDialog onClose={() => setDialog(null)} /> : null}
    </footer>
  );
}
