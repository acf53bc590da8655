import { defaultBroker } from './kafka-broker';

const command = process.argv[2];
const run =
  command === 'start' ? () => defaultBroker.start() : command === 'stop' ? () => defaultBroker.stop() : undefined;
if (run === undefined) {
  process.stderr.write('usage: kafka-cli.ts start|stop\n');
  process.exit(2);
}
run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
