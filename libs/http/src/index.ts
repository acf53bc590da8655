export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './etag';
export * from './request-context';
export * from './ports';
export * from './uuid-param.pipe';
export * from './page.query';
