export { createKeyring, type KeyringOptions } from './create-keyring';
export type { Keyring } from './keyring';
export type { StreamSealer } from './aes-gcm';
export type { KeyOwner } from './data-key-store';
export { resolveMasterKey, type ResolvedMasterKey } from './resolve-master-key';
export { masterKeyId } from './master-key';
export {
  blindPurposes,
  isIndexable,
  normalizeEmail,
  normalizeForSearch,
  normalizeId,
  normalizePhone,
  searchTokens,
  type BlindPurpose,
} from './blind-index';
export { DecryptionError, KeyShreddedError, MasterKeyMismatchError, MasterKeyMissingError } from './errors';
