import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Global order is the transaction id shifted left by 20 bits plus the event's index in its batch
 * (one append is one transaction). Readers see only positions below the oldest transaction still
 * running (`pg_snapshot_xmin`), so an append that commits late is never skipped, and a rolled-back
 * one leaves a gap that nobody waits for.
 */
export class CreateEventStore1764201600000 implements MigrationInterface {
  name = 'CreateEventStore1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await queryRunner.query(`
      CREATE TABLE event_store.streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL
      )`);
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
    await queryRunner.query(`
      CREATE FUNCTION event_store.append(
        p_stream_id text, p_category text, p_expected_kind text, p_expected_version bigint, p_events jsonb
      ) RETURNS TABLE (outcome text, next_version bigint, last_position bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_count integer := jsonb_array_length(p_events);
        v_stored integer;
        v_stored_version bigint;
        v_stored_position bigint;
        v_new_version bigint;
        v_base bigint;
      BEGIN
        SELECT count(*), max(e.stream_version), max(e.position)
          INTO v_stored, v_stored_version, v_stored_position
          FROM event_store.events e
         WHERE e.stream_id = p_stream_id
           AND e.event_id IN (SELECT (x ->> 'eventId')::uuid FROM jsonb_array_elements(p_events) x);
        IF v_stored = v_count THEN
          RETURN QUERY SELECT 'duplicate'::text, v_stored_version, v_stored_position;
          RETURN;
        ELSIF v_stored > 0 THEN
          RETURN QUERY SELECT 'partial_duplicate'::text, NULL::bigint, NULL::bigint;
          RETURN;
        END IF;

        IF p_expected_kind = 'no_stream' THEN
          INSERT INTO event_store.streams (stream_id, version) VALUES (p_stream_id, v_count)
          ON CONFLICT (stream_id) DO NOTHING
          RETURNING version INTO v_new_version;
        ELSIF p_expected_kind = 'version' THEN
          UPDATE event_store.streams SET version = version + v_count
           WHERE stream_id = p_stream_id AND version = p_expected_version
          RETURNING version INTO v_new_version;
        ELSIF p_expected_kind = 'stream_exists' THEN
          UPDATE event_store.streams SET version = version + v_count
           WHERE stream_id = p_stream_id
          RETURNING version INTO v_new_version;
        ELSE
          INSERT INTO event_store.streams AS s (stream_id, version) VALUES (p_stream_id, v_count)
          ON CONFLICT (stream_id) DO UPDATE SET version = s.version + v_count
          RETURNING version INTO v_new_version;
        END IF;

        IF v_new_version IS NULL THEN
          RETURN QUERY SELECT 'conflict'::text,
            coalesce((SELECT s.version FROM event_store.streams s WHERE s.stream_id = p_stream_id), 0::bigint),
            NULL::bigint;
          RETURN;
        END IF;

        v_base := (pg_current_xact_id()::text::bigint) << 20;
        INSERT INTO event_store.events
          (position, stream_id, category, stream_version, event_id, type, schema_version, data, metadata)
        SELECT v_base + x.ord, p_stream_id, p_category, v_new_version - v_count + x.ord,
               (x.e ->> 'eventId')::uuid, x.e ->> 'type', (x.e ->> 'schemaVersion')::integer,
               x.e -> 'data', x.e -> 'metadata'
          FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord);
        RETURN QUERY SELECT 'ok'::text, v_new_version, v_base + v_count;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA IF EXISTS event_store CASCADE`);
  }
}

export const eventStoreMigrations = [CreateEventStore1764201600000];
