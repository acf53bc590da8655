export * from './order.fixture';
export * from './listed-topic-history';
