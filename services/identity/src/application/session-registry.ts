/**
 * Which sessions are live right now, for the one question asked on every API request: "is the session
 * of this access token still open?" Postgres stays the record of sessions; this is the fast copy the
 * liveness check reads. Distributed: Redis (shared by every identity replica). Embedded: this process.
 */
export interface SessionRegistry {
  open(session: { sessionId: string; userId: string; expiresAt: Date }): Promise<void>;
  isLive(sessionId: string): Promise<boolean>;
  end(sessionIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
