import type { Options } from '@grpc/proto-loader';

/**
 * How messages are decoded, shared by the runtime loader and the code generator (tools/codegen.ts turns
 * these into proto-loader-gen-types flags), so the generated types describe exactly what arrives:
 * camelCase fields, 64-bit integers and enums as strings, unset scalars and lists as their defaults, unset
 * message fields as null, and proto3 `optional` fields absent (undefined) when unset: that presence needs no
 * `oneofs`, which would only add a virtual `_field: 'field'` property beside every set optional field.
 * Turn `oneofs` on if a real `oneof` is ever declared.
 */
export const protoLoaderOptions = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: false,
} as const satisfies Options;
