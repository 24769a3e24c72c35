// What an object key may be, the same for every adapter: the disk adapter maps keys onto paths, so a key must
// never climb out of its folder, and S3 would accept names that no file system can hold.

const maxKeyBytes = 1024;

/** Throws when the key is not one the stores accept: `/`-separated segments, none empty, `.` or `..`. */
export function assertObjectKey(key: string): void {
  const problem = objectKeyProblem(key);
  if (problem) throw new Error(`invalid object key ${JSON.stringify(key.slice(0, 80))}: ${problem}`);
}

export function objectKeyProblem(key: string): string | undefined {
  if (key.length === 0) return 'it is empty';
  if (Buffer.byteLength(key) > maxKeyBytes) return `it is longer than ${maxKeyBytes} bytes`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(key)) return 'it holds a control character or a backslash';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment (a leading, trailing or double "/")';
    if (segment === '.' || segment === '..') return 'it has a "." or ".." segment';
    if (Buffer.byteLength(segment) > 255) return 'a segment is longer than 255 bytes';
  }
  return undefined;
}
