import type { Admin } from 'kafkajs';

/** Messages in `topics` beyond the group's committed offsets (from the start where it has none). */
export async function consumerLag(admin: Admin, group: string, topics: readonly string[]): Promise<number> {
  return (await consumerLagOf(admin, group, topics)).group;
}

/**
 * The group's lag, and the part of it on `assigned` partitions (by topic: a member's assignment; absent: the
 * whole group's), from one reading of the committed offsets and the topics' ends.
 */
export async function consumerLagOf(admin: Admin, group: string, topics: readonly string[], assigned?: ReadonlyMap<string, readonly number[]>): Promise<{ group: number; member: number }> {
  const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
  let lag = 0n;
  let member = 0n;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const offset = BigInt(mine.find((p) => p.partition === end.partition)?.offset ?? '-1');
      const from = offset >= 0n ? offset : BigInt(end.low);
      if (BigInt(end.high) <= from) continue;
      lag += BigInt(end.high) - from;
      if (!assigned || assigned.get(topic)?.includes(end.partition)) member += BigInt(end.high) - from;
    }
  }
  return { group: Number(lag), member: Number(member) };
}
