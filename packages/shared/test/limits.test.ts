import { describe, expect, it } from 'vitest';
import { limits } from '../src/index.js';

describe('limits', () => {
  it("the heartbeat drops a silent socket within the protocol's bound", () => {
    expect(limits.heartbeatPingIntervalMs + limits.heartbeatPingTimeoutMs).toBeLessThanOrEqual(limits.heartbeatDropMs);
  });
});
