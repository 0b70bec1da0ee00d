import { parleyConfig } from '@parley/eslint-config';

// The contract depends on nothing of ours: arrows only point toward it.
export default parleyConfig({ boundaries: ['@parley/server*', '@parley/desktop*', '../../apps/*'] });
