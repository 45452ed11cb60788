export * from './validators.ts';
export * from './schema.ts';
export * from './receipt.ts';
export * from './status.ts';
