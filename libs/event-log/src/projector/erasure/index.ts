export { erasedAmong, erasedUsersTable, eraseOwnedRows, erasingReadModels, type ErasureReceipt, type UserEraser } from './erasing-read-models.js';
export { acknowledgeInOutbox, erasureAcknowledgement } from './erasure-acknowledgement.js';
