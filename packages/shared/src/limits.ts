/** Limits of PROTOCOL.md, in Unicode code points unless a name says bytes. */
export const limits = {
  messageMaxCodePoints: 4000,
  nameMaxCodePoints: 64,
  groupNameMaxCodePoints: 80,
  passwordMinCodePoints: 8,
  passwordMaxCodePoints: 128,
  emailMaxLength: 254,
  historyPageSize: 100,
  payloadMaxBytes: 64 * 1024,
  registrationLinkTtlMs: 24 * 60 * 60 * 1000,
  sessionIdleTtlMs: 30 * 24 * 60 * 60 * 1000,
  heartbeatDropMs: 60_000,
} as const;

export const rateLimitDefaults = {
  registrationsPerEmailPerHour: 5,
  registrationsPerAddressPerHour: 20,
  failedLoginsPerEmail: 10,
  failedLoginWindowMs: 15 * 60 * 1000,
  messageBurst: 20,
  messagesPerSecondSustained: 5,
} as const;
