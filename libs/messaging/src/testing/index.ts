export * from './order.fixture';
export * from './listed-topic-history';
export * from './run-scoped-kafka';
