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
  const [settings, setSettings] = useState(false);
  const [servers, setServers] = useState(false);
  if (!self) return null;
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
          <button
            type="button"
            className="user-menu-item"
            onClick={() => {
              setOpen(false);
              setSettings(true);
            }}
          >
            Settings…
          </button>
          {bridge.platform === 'desktop' ? (
            <button
              type="button"
              className="user-menu-item"
              onClick={() => {
                setOpen(false);
                setServers(true);
              }}
            >
              Servers…
            </button>
          ) : null}
        </div>
      ) : null}
      <button type="button" className="button ghost small" onClick={() => void actions.logout()}>
        Log out
      </button>
      {settings ? <SettingsDialog onClose={() => setSettings(false)} /> : null}
      {servers ? <ServersDialog onClose={() => setServers(false)} /> : null}
    </footer>
  );
}
