export * from './text';
export * from './ids';
export * from './time';
export * from './money';
export * from './company-size-band';
