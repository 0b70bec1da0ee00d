import { useApp } from '../../stores/app-store';
import './connection-bar.css';

/** A quiet line while the connection comes back; the app stays usable underneath. */
export function ConnectionBar() {
  const status = useApp((s) => s.connection.status);
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-bar" role="status">
      <span className="connection-spinner" aria-hidden="true" />
      Reconnecting…
    </div>
  );
}
