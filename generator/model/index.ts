export * from './app.ts';
export * from './bundle.ts';
export * from './clock.ts';
export * from './diagnostic.ts';
export * from './errors.ts';
export * from './location.ts';
export * from './not-simulated.ts';
export * from './own.ts';
