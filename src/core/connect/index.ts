export * from './plan';
export * from './validate';
