/** The alias every read and write goes through; the index behind it is `<alias>_v<n>`. */
export function searchAlias(prefix: string): string {
  return `${prefix}entries`;
}

export function versionedIndex(prefix: string, version: number): string {
  return `${searchAlias(prefix)}_v${version}`;
}

/** The `n` of `<alias>_v<n>`, or undefined for another name. */
export function indexVersion(prefix: string, index: string): number | undefined {
  const match = new RegExp(`^${escape(searchAlias(prefix))}_v(\\d+)$`).exec(index);
  return match ? Number(match[1]) : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
