import type { DataKeys } from '../../application/ports/data-keys.js';

/**
 * Until the crypto-shredding key store (@mindflow/events `KeyStore`) is wired into identity, no key can be
 * destroyed: every attempt fails, so erasures stay open ("key not destroyed") instead of reporting a
 * destruction that did not happen, and the saga destroys the keys once a store is wired.
 */
export const unwiredDataKeys: DataKeys = {
  destroy: () => Promise.reject(new Error('no key store is wired into identity yet')),
};
