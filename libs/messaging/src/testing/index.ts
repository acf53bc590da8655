export * from './order.fixture';
