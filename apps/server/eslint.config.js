import { parleyConfig } from '@parley/eslint-config';

// The server may use the shared contract, never the desktop app.
export default parleyConfig({ boundaries: ['@parley/desktop*', '../../apps/desktop/*'] });
