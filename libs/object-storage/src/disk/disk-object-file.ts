import { open } from 'node:fs/promises';

// One object is one file: a small header (magic, length, JSON with the content type) and then the bytes.
// Keeping the type inside the file makes a put one atomic rename: no side file that could disagree with it.

const magic = Buffer.from('MFO1');

export interface ObjectFileHeader {
  contentType: string;
}

export function encodeHeader(header: ObjectFileHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([magic, length, json]);
}

export interface OpenObjectFile {
  header: ObjectFileHeader;
  /** Where the object's bytes start in the file. */
  bodyOffset: number;
  /** The object's size in bytes. */
  size: number;
  handle: Awaited<ReturnType<typeof open>>;
}

/** Opens an object file and reads its header; null when the file does not exist. The caller closes the handle. */
export async function openObjectFile(path: string): Promise<OpenObjectFile | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    const prefix = Buffer.alloc(8);
    await handle.read(prefix, 0, 8, 0);
    if (!prefix.subarray(0, 4).equals(magic)) throw new Error(`${path} is not an object file`);
    const length = prefix.readUInt32BE(4);
    const json = Buffer.alloc(length);
    await handle.read(json, 0, length, 8);
    const header = JSON.parse(json.toString('utf8')) as ObjectFileHeader;
    const bodyOffset = 8 + length;
    return { header, bodyOffset, size: stat.size - bodyOffset, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** ENOENT, or ENOTDIR (a path segment is a file): either way, no such object. EISDIR: a "folder" is no object. */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
