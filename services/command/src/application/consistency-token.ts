/**
 * The token a mutation returns so the client can read its own write: the read side answers a query sent
 * with it once its `projection_versions` reached this aggregate version (CONVENTIONS.md).
 */
export function consistencyToken(aggregateId: string, version: number): string {
  return Buffer.from(`${aggregateId}:${version}`).toString('base64url');
}
