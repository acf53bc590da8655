// Starts the project's own Kafka broker for the tests when none answers on 127.0.0.1:9092.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function missingTool(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.error !== undefined || result.status !== 0;
}

function kafkaCli(command) {
  return spawnSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'deploy', 'kafka', 'kafka-cli.ts'), command],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

/** Returns a function that stops the broker again if this call started it. */
export async function ensureKafka() {
  if (await accepts(9092)) {
    process.stdout.write('Kafka: a broker already accepts connections on 127.0.0.1:9092\n');
    return () => undefined;
  }
  const missing = [
    ['java', ['-version']],
    ['mvn', ['-v']],
  ].filter(([command, args]) => missingTool(command, args));
  if (missing.length > 0) {
    process.stderr.write(
      `\nThe messaging tests need a Kafka broker. None answers on 127.0.0.1:9092, and the project cannot start its own:\n` +
        `${missing.map(([command]) => `  - '${command}' is not installed`).join('\n')}\n` +
        'Install Java 17 and Maven (the broker is assembled from Maven Central), or start a broker on 127.0.0.1:9092.\n',
    );
    process.exit(1);
  }
  const started = kafkaCli('start');
  if (started.status !== 0) {
    process.stderr.write('\nThe Kafka broker did not start; see deploy/kafka/.cache/run/broker.log\n');
    process.exit(1);
  }
  return () => kafkaCli('stop');
}
