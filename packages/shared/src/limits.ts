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
  passwordResetLinkTtlMs: 60 * 60 * 1000,
  sessionIdleTtlMs: 30 * 24 * 60 * 60 * 1000,
  /** The protocol's bound: a socket silent this long is dropped (and its user announced offline). */
  heartbeatDropMs: 60_000,
  /** Socket.IO's heartbeat, which drops a silent socket after interval + timeout: 45 s, within the bound. */
  heartbeatPingIntervalMs: 25_000,
  heartbeatPingTimeoutMs: 20_000,
} as const;

/** A token bucket: `burst` at once, refilled continuously at `perHour`. */
export interface BucketLimit {
  burst: number;
  perHour: number;
}

export const rateLimitDefaults = {
  registrationsPerEmailPerHour: 5,
  registrationsPerAddressPerHour: 20,
  /** `POST /password_reset`, counted apart from registration with the same limits. */
  passwordResetsPerEmailPerHour: 5,
  passwordResetsPerAddressPerHour: 20,
  failedLoginsPerEmail: 10,
  failedLoginWindowMs: 15 * 60 * 1000,
  /** Every login attempt of a client address (IPv6: its /64), counted before any hashing. */
  loginsPerAddress: 30,
  loginAddressWindowMs: 60 * 1000,
  messageBurst: 20,
  messagesPerSecondSustained: 5,
  /** Per user, across all of their sessions: every write that is not a message. */
  writes: {
    /** `POST /chat_groups`, announced to every online user. */
    groupCreate: { burst: 5, perHour: 20 },
    /** `PUT /chat_groups`, announced to every member. */
    groupRename: { burst: 10, perHour: 60 },
    /** Entering a group one is not present in, and `leave_group`: announced to those present. */
    groupPresence: { burst: 30, perHour: 3600 },
    /** `PUT /notifications`, announced to the user's own sockets. */
    markRead: { burst: 60, perHour: 5 * 3600 },
    /** `typing`, relayed to those looking; clients send one every 3 s while typing. */
    typing: { burst: 10, perHour: 3600 },
    /** `PUT /me`, announced to every online user. */
    profileUpdate: { burst: 10, perHour: 60 },
    /** `POST /files`: each upload, whatever its size (the quota bounds the bytes). */
    fileUpload: { burst: 30, perHour: 300 },
    /** `GET /search`: not a write, but the one read whose cost grows with the workspace. */
    search: { burst: 30, perHour: 2 * 3600 },
  } satisfies Record<string, BucketLimit>,
  /** The most keys (addresses, users) one limiter keeps in a server's memory: about 22 MB at the cap. */
  keysPerLimiter: 100_000,
} as const;

export type WriteKind = keyof typeof rateLimitDefaults.writes;
