/**
 * `Content-Disposition: attachment` with the file name in both forms (RFC 6266): an ASCII fallback for old
 * clients and the UTF-8 name (RFC 5987) for the rest. Quotes, backslashes and control characters never reach
 * the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
