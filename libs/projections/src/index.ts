export * from './store-projection';
export * from './store-projector';
export * from './projection-state';
export * from './projection-state.migration';
export * from './sql';
export * from './row-writer';
export * from './read-models-database';
export * from './aggregate-table';
