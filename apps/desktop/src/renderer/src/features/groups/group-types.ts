export { groupNameSchema, type ChatGroup, type ErrorDetail } from '@parley/shared';
export type { Result } from '@parley/shared/ipc';
