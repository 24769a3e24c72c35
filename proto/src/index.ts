// @mindflow/proto: the gRPC contracts (command, identity) as typed grpc-js definitions and clients.
// Message types are generated from the .proto files (src/generated/, see tools/codegen.ts).
export * from './generated/message-types.js';
export { loadCommandService, loadIdentityService, loadCommandPackage, loadIdentityPackage } from './load-services.js';
export { createCommandClient, createIdentityClient, type ClientOptions, type CommandClient, type IdentityClient } from './clients.js';
export type { PromiseClient, UnaryCallOptions } from './promise-client.js';
export { promiseHandlers, type PromiseHandlers, type HandlerCall, type PromiseHandlersOptions } from './promise-handlers.js';
export { callMetadata, readCallContext, metadataKeys, type CallContext } from './call-metadata.js';
export { apiErrorCodes, isApiErrorCode, isApiError, type ApiError, type ApiErrorCode } from './errors/api-error.js';
export { toServiceError, fromServiceError, isServiceError, errorTrailers } from './errors/error-mapping.js';
export { protoLoaderOptions } from './loader-options.js';
export { protoRoot, protoEntryFiles } from './proto-files.js';
