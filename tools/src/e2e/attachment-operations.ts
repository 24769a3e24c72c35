// The attachment operations of API.md ("Attachments and export") and the browser's part of an upload, shared by
// the attachments e2e suite and the security suites.
import sharp from 'sharp';
import type { GatewayClient } from './gateway-client.js';

export const requestUpload = `mutation ($input: UploadRequest!) { requestUpload(input: $input) { uploadId url method headers { name value } expiresAt } }`;
export const attachFile = `mutation ($uploadId: ID!, $to: AttachTarget!) {
  attachFile(uploadId: $uploadId, to: $to) { consistencyToken attachment { id fileName contentType size url thumbnailUrl width height durationSeconds } } }`;
export const removeAttachment = 'mutation ($id: ID!) { removeAttachment(id: $id) { id version deletedAt consistencyToken } }';

export interface UploadTicket { uploadId: string; url: string; method: string; headers: { name: string; value: string }[] }
export interface Attachment {
  id: string; fileName: string; contentType: string; size: number; url: string; thumbnailUrl: string | null;
  width: number | null; height: number | null; durationSeconds: number | null;
}

/** A 64×32 JPEG whose EXIF says "rotate 90°" and holds a GPS position and a camera name (SpyCam). */
export const samplePhoto = () =>
  sharp({ create: { width: 64, height: 32, channels: 3, background: '#2a9d8f' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'SpyCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2400/100' } })
    .toBuffer();

/** Sends the bytes to the ticket's URL as a browser would (`method`, exactly its headers); answers the HTTP status. */
export async function sendUpload(ticket: UploadTicket, body: Buffer): Promise<number> {
  const response = await fetch(ticket.url, { method: ticket.method, headers: Object.fromEntries(ticket.headers.map((h) => [h.name, h.value])), body: new Uint8Array(body) });
  await response.arrayBuffer();
  return response.status;
}

/** requestUpload, then the bytes to its URL; throws unless both succeed. */
export async function uploadFile(client: GatewayClient, fileName: string, contentType: string, body: Buffer): Promise<UploadTicket> {
  const { requestUpload: ticket } = await client.data<{ requestUpload: UploadTicket }>(requestUpload, { input: { fileName, contentType, size: body.length } });
  const status = await sendUpload(ticket, body);
  if (status !== 200) throw new Error(`upload answered ${status}`);
  return ticket;
}

/** Uploads `body` and attaches it to the target; the attachment. */
export async function attach(client: GatewayClient, to: { entryId?: string; thoughtId?: string }, fileName: string, contentType: string, body: Buffer): Promise<Attachment> {
  const ticket = await uploadFile(client, fileName, contentType, body);
  return (await client.data<{ attachFile: { attachment: Attachment } }>(attachFile, { uploadId: ticket.uploadId, to })).attachFile.attachment;
}
