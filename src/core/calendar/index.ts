export * from './working-days.ts';
export * from './coverage.ts';
