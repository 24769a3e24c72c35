import type { Admin } from 'kafkajs';

/** Messages in `topics` beyond the group's committed offsets (from the start where it has none). */
export async function consumerLag(admin: Admin, group: string, topics: readonly string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
  let lag = 0n;
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
    for (const end of ends) {
      const offset = BigInt(mine.find((p) => p.partition === end.partition)?.offset ?? '-1');
      const from = offset >= 0n ? offset : BigInt(end.low);
      if (BigInt(end.high) > from) lag += BigInt(end.high) - from;
    }
  }
  return Number(lag);
}
