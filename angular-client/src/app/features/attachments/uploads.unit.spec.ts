import { TestBed } from '@angular/core/testing';
import { Gql } from '../../core/gql';
import type { ApiError } from '../../core/graphql-errors';
import { AttachFileDocument, RequestUploadDocument } from '../../graphql/generated';
import { ObjectTransfer, transferError, type SignedRequest } from './object-transfer';
import { UploadRefused, Uploads, uploadProblem } from './uploads';

const ticket = { uploadId: 'u1', url: 'http://127.0.0.1:4006/objects/uploads/u1?sig=x', method: 'PUT', headers: [{ name: 'content-type', value: 'image/png' }], expiresAt: '2026-12-07T09:00:00Z' };
const attachment = { id: 'a1', fileName: 'tide.png', contentType: 'image/png', size: 4, createdAt: '2026-12-07T08:00:00Z', url: 'u', thumbnailUrl: 't', width: 2, height: 2, durationSeconds: null };

function setUp(refuse: { requestUpload?: ApiError; transfer?: ApiError; attachFile?: ApiError } = {}) {
  const mutations: { document: unknown; variables: unknown }[] = [];
  const sent: { request: SignedRequest; body: Blob }[] = [];
  const gql = {
    mutate: async (document: unknown, variables: unknown) => {
      mutations.push({ document, variables });
      if (document === RequestUploadDocument) {
        if (refuse.requestUpload) throw refuse.requestUpload;
        return { requestUpload: ticket };
      }
      if (document === AttachFileDocument) {
        if (refuse.attachFile) throw refuse.attachFile;
        return { attachFile: { attachment, consistencyToken: 'c' } };
      }
      throw new Error('unexpected mutation');
    },
  };
  const transfer = {
    send: async (request: SignedRequest, body: Blob, progress: (sent: number) => void) => {
      sent.push({ request, body });
      if (refuse.transfer) throw refuse.transfer;
      progress(body.size / 2);
      progress(body.size);
    },
  };
  TestBed.configureTestingModule({ providers: [{ provide: Gql, useValue: gql }, { provide: ObjectTransfer, useValue: transfer }] });
  return { uploads: TestBed.inject(Uploads), mutations, sent };
}

describe('Uploads', () => {
  it('asks for a signed URL, sends the bytes there with progress, then attaches the upload to the target', async () => {
    const { uploads, mutations, sent } = setUp();
    const progress: number[] = [];
    const file = new File(['PNG!'], 'tide.png', { type: 'image/png' });
    expect(await uploads.attach(file, { entryId: 'e1' }, (n) => progress.push(n))).toEqual(attachment);
    expect(mutations).toEqual([
      { document: RequestUploadDocument, variables: { input: { fileName: 'tide.png', contentType: 'image/png', size: 4 } } },
      { document: AttachFileDocument, variables: { uploadId: 'u1', to: { entryId: 'e1' } } },
    ]);
    expect(sent[0]!.request).toBe(ticket);
    expect(progress).toEqual([2, 4]);
  });

  it('sends a recording as the exact type it declared (the signature names it)', async () => {
    const { uploads, mutations, sent } = setUp();
    await uploads.attach(new File(['abc'], 'voice.webm', { type: 'audio/webm;codecs=opus' }), { thoughtId: 't1' });
    expect(mutations[0]!.variables).toEqual({ input: { fileName: 'voice.webm', contentType: 'audio/webm', size: 3 } });
    expect(sent[0]!.body.type).toBe('audio/webm');
  });

  it('refuses a type the server does not take before sending anything', async () => {
    const { uploads, mutations } = setUp();
    const refused = await uploads.attach(new File(['hi'], 'notes.txt', { type: 'text/plain' }), { entryId: 'e1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UploadRefused);
    expect((refused as UploadRefused).message).toBe('“notes.txt” cannot be attached: only JPEG, PNG, WebP or HEIC images, PDF, or M4A, MP3, Ogg or WebM audio can.');
    expect(mutations).toEqual([]);
  });

  it('names the file and the reason for each refusal: size, quota, type read from the bytes, storage, network', async () => {
    const file = () => new File(['xxxx'], 'big.png', { type: 'image/png' });
    const cases: [Parameters<typeof setUp>[0], string][] = [
      [{ requestUpload: { code: 'PAYLOAD_TOO_LARGE', field: 'size', message: 'the file is larger than the 20971520 bytes allowed' } },
        '“big.png” is too large to attach (the file is larger than the 20971520 bytes allowed).'],
      [{ requestUpload: { code: 'FORBIDDEN', message: 'storage quota exceeded: 499.9 MiB of the free plan\'s 500.0 MiB are used' } },
        '“big.png” does not fit in your storage: storage quota exceeded: 499.9 MiB of the free plan\'s 500.0 MiB are used.'],
      [{ attachFile: { code: 'BAD_USER_INPUT', field: 'uploadId', message: 'the file is not an accepted type (…): its bytes are not a known binary format' } },
        '“big.png” cannot be attached: only JPEG, PNG, WebP or HEIC images, PDF, or M4A, MP3, Ogg or WebM audio can.'],
      [{ transfer: transferError(413) }, '“big.png” is too large to attach (the file is larger than the storage accepts).'],
      [{ transfer: transferError(0) }, '“big.png” could not be attached: The file could not be sent: the storage server could not be reached. Check your connection; we will keep trying.'],
    ];
    for (const [refuse, message] of cases) {
      TestBed.resetTestingModule();
      const { uploads } = setUp(refuse);
      await expect(uploads.attach(file(), { entryId: 'e1' })).rejects.toThrow(message);
    }
  });

  it('words an unexpected failure with the error text the rest of the app uses', () => {
    expect(uploadProblem('a.pdf', { code: 'NOT_FOUND', message: 'no such entry' })).toBe('“a.pdf” could not be attached: This item does not exist or was deleted.');
  });
});
