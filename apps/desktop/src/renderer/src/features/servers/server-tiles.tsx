import type { ServerSummary } from '@parley/shared/ipc';
import { serverBadgeOf, serverTileName } from './server-badge';

const isMac = typeof navigator !== 'undefined' && /Mac/u.test(navigator.platform);
const shortcutLabel = (n: number) => (isMac ? `⌘${n}` : `Ctrl+${n}`);

/**
 * One tile per server with its unread count, the one on screen marked (its own sidebar shows its
 * unread messages); "+" opens the list to add or remove one.
 */
export function ServerTiles({
  servers,
  onSwitch,
  onManage,
}: {
  servers: ServerSummary[];
  onSwitch: (serverId: string) => void;
  onManage: () => void;
}) {
  return (
    <>
      <ul className="server-rail-list">
        {servers.map((server, index) => (
          <li key={server.id}>
            <button
              type="button"
              className={server.active ? 'server-tile active' : 'server-tile'}
              aria-current={server.active ? 'page' : undefined}
              aria-label={serverTileName(server)}
              title={index < 9 ? `${server.label} (${shortcutLabel(index + 1)})` : server.label}
              onClick={() => (server.active ? undefined : onSwitch(server.id))}
            >
              <span aria-hidden="true" className="server-tile-letters">
                {serverBadgeOf(server.label)}
              </span>
              {server.unread > 0 && !server.active ? (
                <span aria-hidden="true" className="server-tile-unread">
                  {server.unread > 99 ? '99+' : server.unread}
                </span>
              ) : null}
              {server.connection === 'signed_out' ? <span aria-hidden="true" className="server-tile-off" /> : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="server-tile add" aria-label="Add or remove servers" title="Add or remove servers" onClick={onManage}>
        <span aria-hidden="true">+</span>
      </button>
    </>
  );
}
