export * from './schema';
export * from './check';
export * from './model';
