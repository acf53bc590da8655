// @ts-check
/**
 * After the last integration file: names what still holds the event loop (a client a file left open), so the
 * run's log says which kind of resource it was; the test command ends the run anyway (`--forceExit`).
 */
const quietAfterMs = 2_000;
const expected = new Set(['TTYWrap', 'PipeWrap']);

module.exports = async function reportOpenHandles() {
  await new Promise((resolve) => setTimeout(resolve, quietAfterMs).unref());
  const open = process.getActiveResourcesInfo().filter((kind) => !expected.has(kind));
  if (open.length === 0) return;
  const counts = open.reduce(
    (all, kind) => ({ ...all, [kind]: (all[kind] ?? 0) + 1 }),
    /** @type {Record<string, number>} */ ({}),
  );
  process.stderr.write(
    `integration run: still open ${quietAfterMs} ms after the last file: ${JSON.stringify(counts)}\n`,
  );
};
