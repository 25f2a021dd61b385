export { createKeyring } from './create-keyring';
export type { Keyring } from './keyring';
export { resolveMasterKey } from './resolve-master-key';
export { isIndexable, normalizeForSearch, normalizePhone, searchTokens, type BlindPurpose } from './blind-index';
export { KeyShreddedError, MasterKeyMismatchError, MasterKeyMissingError } from './errors';
