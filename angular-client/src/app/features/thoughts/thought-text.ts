/** A thought as typed: `#tags` anywhere become its tags (lower case, unique); the text keeps them readable. */
export function splitThought(input: string): { text: string; tags: string[] } {
  const text = input.trim();
  const tags = [...new Set([...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_-]+)/gu)].map((m) => m[1]!.toLowerCase()))];
  return { text, tags };
}
