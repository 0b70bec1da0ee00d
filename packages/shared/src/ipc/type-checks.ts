import type { z } from 'zod';
import type { ConnectionState, ConversationRef, OutboxLink, ServerChoice } from './bridge.js';
import type { connectionStateSchema, uploadProgressSchema } from './events.js';
import type { UploadProgress } from './files.js';
import type { outboxLinkSchema, serverChoiceSchema } from './server.js';
import type { conversationRefSchema } from './ui.js';

// Compile-time proof that the IPC schemas describe exactly the types of the agreed bridge: if
// either side changes, `tsc` fails here instead of a message failing to parse at run time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const ipcSchemasMatchBridge: [
  Same<z.output<typeof connectionStateSchema>, ConnectionState>,
  Same<z.output<typeof conversationRefSchema>, ConversationRef>,
  Same<z.output<typeof serverChoiceSchema>, ServerChoice>,
  Same<z.output<typeof outboxLinkSchema>, OutboxLink>,
  Same<z.output<typeof uploadProgressSchema>, UploadProgress>,
] = [true, true, true, true, true];
