// The applied-events audit the drills count with. Installed in the read DB before the projector first
// migrates it: a row trigger on every `projection_versions` table records each committed version change
// (in the projector's own transaction, so a rolled-back chunk leaves no trace and a committed one always
// does), and an event trigger puts that row trigger on every `projection_versions` created later too —
// a rebuild's fresh schema included. Needs a superuser: the drills' own embedded read DB.
import type { Pool } from '@mindflow/db';
import type { VersionTransition } from './applied-ledger.js';

const install = /* SQL */ `
CREATE TABLE IF NOT EXISTS public.drill_applied_audit (
  seq          bigserial PRIMARY KEY,
  table_oid    oid  NOT NULL,
  projection   text NOT NULL,
  aggregate_id uuid NOT NULL,
  from_version int  NOT NULL,
  to_version   int  NOT NULL,
  op           text NOT NULL,
  tx           xid8 NOT NULL DEFAULT pg_current_xact_id(),
  at           timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE OR REPLACE FUNCTION public.drill_audit_projection_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.drill_applied_audit (table_oid, projection, aggregate_id, from_version, to_version, op)
    VALUES (TG_RELID, NEW.projection, NEW.aggregate_id, 0, NEW.version, TG_OP);
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO public.drill_applied_audit (table_oid, projection, aggregate_id, from_version, to_version, op)
    VALUES (TG_RELID, NEW.projection, NEW.aggregate_id, OLD.version, NEW.version, TG_OP);
    RETURN NEW;
  END IF;
  INSERT INTO public.drill_applied_audit (table_oid, projection, aggregate_id, from_version, to_version, op)
  VALUES (TG_RELID, OLD.projection, OLD.aggregate_id, OLD.version, 0, TG_OP);
  RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION public.drill_attach_audit() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE created record;
BEGIN
  FOR created IN SELECT objid, object_identity FROM pg_event_trigger_ddl_commands()
                 WHERE command_tag = 'CREATE TABLE' AND object_type = 'table' LOOP
    IF (SELECT relname FROM pg_class WHERE oid = created.objid) = 'projection_versions' THEN
      EXECUTE format('CREATE TRIGGER drill_applied_audit AFTER INSERT OR UPDATE OR DELETE ON %s
                      FOR EACH ROW EXECUTE FUNCTION public.drill_audit_projection_versions()', created.object_identity);
    END IF;
  END LOOP;
END $$;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'drill_attach_audit') THEN
    CREATE EVENT TRIGGER drill_attach_audit ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
      EXECUTE FUNCTION public.drill_attach_audit();
  END IF;
END $$;
`;

/** Installs the audit (idempotent). Must run before the projector creates `projection_versions`. */
export async function installAppliedAudit(readPool: Pool): Promise<void> {
  await readPool.query(install);
}

/** Every recorded transition of `projection`, in commit order of their transactions' rows. */
export async function readTransitions(readPool: Pool, projection: string): Promise<VersionTransition[]> {
  const { rows } = await readPool.query<{ table_oid: string; aggregate_id: string; from_version: number; to_version: number; op: string; tx: string }>(
    `SELECT table_oid::text AS table_oid, aggregate_id, from_version, to_version, op, tx::text AS tx
     FROM public.drill_applied_audit WHERE projection = $1 ORDER BY seq`,
    [projection],
  );
  return rows.map((r) => ({
    table: r.table_oid, projection, aggregateId: r.aggregate_id, from: r.from_version, to: r.to_version, tx: r.tx,
    op: r.op === 'DELETE' ? 'delete' : r.op === 'INSERT' ? 'insert' : 'update',
  }));
}

/** The OID of the live `projection_versions` (what the projector's unqualified name resolves to). */
export async function liveVersionsTable(readPool: Pool): Promise<string> {
  const { rows } = await readPool.query<{ oid: string }>(`SELECT 'projection_versions'::regclass::oid::text AS oid`);
  return rows[0]!.oid;
}
