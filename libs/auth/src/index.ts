export { accessTokenAlgorithm, devKeyDir, loadPublicKey, loadSigningKeys, type KeyConfig, type SigningKeys } from './keys.js';
export {
  accessTokenTtlSeconds,
  InvalidTokenError,
  issueAccessToken,
  publicJwks,
  tokenIssuer,
  verifyAccessToken,
  type AccessTokenSubject,
  type VerifiedAccessToken,
  type Verifier,
} from './access-token.js';
export { callerHeader, callerTtlSeconds, devCallerSecret, signCaller, verifyCaller, type Caller } from './caller.js';
export { clientAddressHeader, signClientAddress, verifyClientAddress } from './client-address.js';
export { authConfigShape, verifierFromConfig } from './config.js';
