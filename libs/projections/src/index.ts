export * from './store-projection';
export * from './store-projector';
export * from './projection-state';
export * from './projection-state.migration';
