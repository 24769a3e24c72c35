-- The query subgraph switches to `mindflow_reader` (SET LOCAL ROLE) for every read. A superuser may do so
-- anyway; a non-superuser deployment (the same DB user for projector and subgraph) needs the membership.
-- Superusers skip it, so parallel test suites on one server never race on the shared role catalog.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT mindflow_reader TO %I', current_user);
  END IF;
END
$$;
