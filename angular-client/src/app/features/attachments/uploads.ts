import { Injectable, inject } from '@angular/core';
import { Gql } from '../../core/gql';
import { describeError, type ApiError } from '../../core/graphql-errors';
import { AttachFileDocument, RequestUploadDocument, type AttachmentFieldsFragment } from '../../graphql/generated';
import { acceptedDescription, declaredType } from './media-types';
import { ObjectTransfer } from './object-transfer';

/** What a file is attached to: exactly one (API.md AttachTarget). */
export type UploadTarget = { readonly entryId: string } | { readonly thoughtId: string };

/** A file refused or failed: the message names it, and says what to do. */
export class UploadRefused extends Error {
  constructor(readonly fileName: string, readonly error: ApiError) {
    super(uploadProblem(fileName, error));
    this.name = 'UploadRefused';
  }
}

/**
 * One file to an entry or a thought: requestUpload (a signed URL; size and quota checked there), the bytes sent to
 * that URL (`progress` follows them), then attachFile (the type is read from the bytes). Every refusal is an
 * UploadRefused whose message a person can act on.
 */
@Injectable({ providedIn: 'root' })
export class Uploads {
  private readonly gql = inject(Gql);
  private readonly transfer = inject(ObjectTransfer);

  async attach(file: File, to: UploadTarget, progress: (sent: number) => void = () => undefined): Promise<AttachmentFieldsFragment> {
    const contentType = declaredType(file);
    if (!contentType) throw new UploadRefused(file.name, { code: 'BAD_USER_INPUT', field: 'contentType', message: 'not an accepted type' });
    try {
      const { requestUpload } = await this.gql.mutate(RequestUploadDocument, { input: { fileName: file.name, contentType, size: file.size } });
      // the signature names this exact type: a Blob of another (the browser's `audio/webm;codecs=opus`) would be refused
      const body = file.type === contentType ? file : file.slice(0, file.size, contentType);
      await this.transfer.send(requestUpload, body, progress);
      const { attachFile } = await this.gql.mutate(AttachFileDocument, { uploadId: requestUpload.uploadId, to });
      return attachFile.attachment;
    } catch (e) {
      throw new UploadRefused(file.name, e as ApiError);
    }
  }
}

/** Why a file was not attached, for the person who chose it. */
export function uploadProblem(fileName: string, error: ApiError): string {
  const name = `“${fileName}”`;
  if (error.code === 'PAYLOAD_TOO_LARGE') return `${name} is too large to attach (${error.message}).`;
  if (error.code === 'FORBIDDEN' && /quota/i.test(error.message)) return `${name} does not fit in your storage: ${error.message}.`;
  if (error.code === 'BAD_USER_INPUT' && (error.field === 'contentType' || /accepted type/.test(error.message))) {
    return `${name} cannot be attached: only ${acceptedDescription} can.`;
  }
  return `${name} could not be attached: ${describeError(error)}`;
}
