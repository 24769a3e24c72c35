// Original file: mindflow/identity/v1/identity.proto


/**
 * One public key of RFC 7517 / RFC 8037 (Ed25519: kty "OKP", crv "Ed25519").
 */
export interface Jwk {
  'kty'?: (string);
  'crv'?: (string);
  'x'?: (string);
  'kid'?: (string);
  'alg'?: (string);
  'use'?: (string);
}

/**
 * One public key of RFC 7517 / RFC 8037 (Ed25519: kty "OKP", crv "Ed25519").
 */
export interface Jwk__Output {
  'kty': (string);
  'crv': (string);
  'x': (string);
  'kid': (string);
  'alg': (string);
  'use': (string);
}
