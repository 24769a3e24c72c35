import type { ApiError } from '@mindflow/proto';
import type { DomainError } from '../../domain/shared/domain-error.js';

/** A refusal in the API's words (mapped on to a gRPC status by proto's `toServiceError`). */
export function apiErrorOf(error: DomainError): ApiError {
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return { code: 'BAD_USER_INPUT', message: error.message, field: error.field };
    case 'NOT_FOUND':
      return { code: 'NOT_FOUND', message: error.message };
    case 'CONFLICT':
      return { code: 'CONFLICT', message: error.message, currentVersion: error.currentVersion };
    case 'FORBIDDEN':
      return { code: 'FORBIDDEN', message: error.message };
    default: {
      const unhandled: never = error;
      throw new Error(`unmapped domain error ${JSON.stringify(unhandled)}`);
    }
  }
}
