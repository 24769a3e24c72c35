// One entry as a Markdown file: YAML front matter with its fields (so other tools can read them), the title as
// a heading, the content as written, then its attachments: images shown, other files linked, all beside it.

export interface MarkdownEntry {
  id: string;
  title: string;
  content: string;
  mood: string | null;
  tags: readonly string[];
  weather: string | null;
  location: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MarkdownAttachment {
  /** The path relative to the Markdown file. */
  path: string;
  fileName: string;
  contentType: string;
}

export function entryMarkdown(entry: MarkdownEntry, attachments: readonly MarkdownAttachment[]): string {
  const front = [
    '---',
    `id: ${entry.id}`,
    `title: ${yamlString(entry.title)}`,
    `created: ${entry.createdAt}`,
    `updated: ${entry.updatedAt}`,
    ...(entry.mood ? [`mood: ${entry.mood}`] : []),
    `tags: [${entry.tags.map(yamlString).join(', ')}]`,
    ...(entry.weather ? [`weather: ${yamlString(entry.weather)}`] : []),
    ...(entry.location ? [`location: ${yamlString(entry.location)}`] : []),
    '---',
  ];
  const files = attachments.map((file) =>
    file.contentType.startsWith('image/')
      ? `![${markdownText(file.fileName)}](${encodeURI(file.path)})`
      : `[${markdownText(file.fileName)}](${encodeURI(file.path)})`,
  );
  return [...front, '', `# ${markdownText(entry.title) || 'Untitled'}`, '', entry.content.trimEnd(), ...(files.length ? ['', ...files] : []), ''].join('\n');
}

/** A double-quoted YAML scalar (JSON's string syntax is valid YAML). */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

function markdownText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/([\\[\]*_`#<>])/g, '\\$1');
}
