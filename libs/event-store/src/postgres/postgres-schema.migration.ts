import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events only: a stream's version is the version of its last event. Global order is the transaction id shifted left by 20 bits plus the event's index in its batch
 * (one append is one transaction). Readers see only positions below the oldest transaction still
 * running (`pg_snapshot_xmin`), so an append that commits late is never skipped, and a rolled-back
 * one leaves a gap that nobody waits for.
 */
export class CreateEventStore1764201600000 implements MigrationInterface {
  name = 'CreateEventStore1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await queryRunner.query(`
      CREATE TABLE event_store.events (
        position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        category text NOT NULL,
        stream_version bigint NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
        CONSTRAINT events_stream_event_id_key UNIQUE (stream_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX events_category_position ON event_store.events (category, position)`);
    await queryRunner.query(`CREATE INDEX events_type_position ON event_store.events (type, position)`);
    await queryRunner.query(`
      CREATE TABLE event_store.checkpoints (
        subscription_id text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION event_store.visible_position_limit() RETURNS bigint
      LANGUAGE sql STABLE AS $$
        SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint) << 20
      $$`);
    // One call per append. Writers of one stream queue on a transaction-scoped advisory lock, so the version read
    // below stays true until commit; writers of different streams do not wait for each other. The retry check
    // (all ids already stored: answer as the first time) runs only when a retried batch could pass the version
    // check unnoticed, or once it has failed it. A reused id at a matching version hits events_stream_event_id_key.
    await queryRunner.query(`
      CREATE FUNCTION event_store.append(
        p_stream_id text, p_category text, p_expected_kind text, p_expected_version bigint,
        p_event_ids uuid[], p_events jsonb
      ) RETURNS TABLE (outcome text, next_version bigint, last_position bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_count integer := cardinality(p_event_ids);
        v_current bigint;
        v_base bigint;
        v_stored integer;
        v_stored_version bigint;
        v_stored_position bigint;
        v_matches boolean;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
        SELECT e.stream_version INTO v_current FROM event_store.events e
         WHERE e.stream_id = p_stream_id ORDER BY e.stream_version DESC LIMIT 1;
        v_current := coalesce(v_current, 0);
        v_matches := CASE p_expected_kind
          WHEN 'no_stream' THEN v_current = 0
          WHEN 'version' THEN v_current = p_expected_version
          WHEN 'stream_exists' THEN v_current > 0
          ELSE true END;

        IF NOT v_matches OR p_expected_kind IN ('any', 'stream_exists') THEN
          SELECT count(*), max(e.stream_version), max(e.position)
            INTO v_stored, v_stored_version, v_stored_position
            FROM event_store.events e
           WHERE e.stream_id = p_stream_id AND e.event_id = ANY (p_event_ids);
          IF v_stored = v_count THEN
            RETURN QUERY SELECT 'duplicate'::text, v_stored_version, v_stored_position;
            RETURN;
          ELSIF v_stored > 0 THEN
            RETURN QUERY SELECT 'partial_duplicate'::text, NULL::bigint, NULL::bigint;
            RETURN;
          END IF;
        END IF;
        IF NOT v_matches THEN
          RETURN QUERY SELECT 'conflict'::text, v_current, NULL::bigint;
          RETURN;
        END IF;

        v_base := (pg_current_xact_id()::text::bigint) << 20;
        INSERT INTO event_store.events
          (position, stream_id, category, stream_version, event_id, type, schema_version, data, metadata)
        SELECT v_base + x.ord, p_stream_id, p_category, v_current + x.ord,
               p_event_ids[x.ord], x.e ->> 'type', (x.e ->> 'schemaVersion')::integer, x.e -> 'data', x.e -> 'metadata'
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord);
        RETURN QUERY SELECT 'ok'::text, v_current + v_count, v_base + v_count;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA IF EXISTS event_store CASCADE`);
  }
}

/**
 * Several streams in one transaction (`appendStreams`, for bulk writers): the streams are locked in the order given
 * (the adapter sorts them), each checked against its expected version, and their events take consecutive positions
 * after the transaction's base, so one transaction still owns one range of positions. A failed check raises, and the
 * whole call rolls back.
 */
export class AppendStreams1765400000000 implements MigrationInterface {
  name = 'AppendStreams1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION event_store.append_streams(p_streams jsonb)
      RETURNS TABLE (stream_id text, next_version bigint, last_position bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_base bigint := (pg_current_xact_id()::text::bigint) << 20;
        v_offset bigint := 0;
        v_stream jsonb;
        v_id text;
        v_current bigint;
        v_count integer;
        v_kind text;
      BEGIN
        FOR v_stream IN SELECT value FROM jsonb_array_elements(p_streams) LOOP
          v_id := v_stream ->> 'streamId';
          v_kind := v_stream ->> 'expectedKind';
          PERFORM pg_advisory_xact_lock(hashtextextended(v_id, 0));
          SELECT e.stream_version INTO v_current FROM event_store.events e
           WHERE e.stream_id = v_id ORDER BY e.stream_version DESC LIMIT 1;
          v_current := coalesce(v_current, 0);
          IF NOT (CASE v_kind
              WHEN 'no_stream' THEN v_current = 0
              WHEN 'version' THEN v_current = (v_stream ->> 'expectedVersion')::bigint
              WHEN 'stream_exists' THEN v_current > 0
              ELSE true END) THEN
            RAISE EXCEPTION 'stream % is at version %', v_id, v_current
              USING ERRCODE = 'SE409', DETAIL = v_id, HINT = v_current::text;
          END IF;
          v_count := jsonb_array_length(v_stream -> 'events');
          INSERT INTO event_store.events
            (position, stream_id, category, stream_version, event_id, type, schema_version, data, metadata)
          SELECT v_base + v_offset + x.ord, v_id, v_stream ->> 'category', v_current + x.ord,
                 (x.e ->> 'eventId')::uuid, x.e ->> 'type', (x.e ->> 'schemaVersion')::integer, x.e -> 'data',
                 x.e -> 'metadata'
            FROM jsonb_array_elements(v_stream -> 'events') WITH ORDINALITY AS x(e, ord);
          v_offset := v_offset + v_count;
          stream_id := v_id;
          next_version := v_current + v_count;
          last_position := v_base + v_offset;
          RETURN NEXT;
        END LOOP;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS event_store.append_streams(jsonb)`);
  }
}

export const eventStoreMigrations = [CreateEventStore1764201600000, AppendStreams1765400000000];
