export * from './messages.ts';
export * from './validators.ts';
export * from './schema.ts';
export * from './receipt.ts';
export * from './status.ts';
