#!/bin/sh
# Runs once, when the PostgreSQL data volume is first initialised (docker-entrypoint-initdb.d):
# creates MindFlow's databases on one server: those MINDFLOW_DATABASES lists (compose: every one, the key store's
# mindflow_keys included), by default write (command), read (projections) and identity.
# The services would create a missing database themselves; doing it here keeps first start-up quiet.
# Also used by the k8s dev overlay (k8s/overlays/dev/infra/postgres/init-databases.sh, kept identical).
set -eu
for db in ${MINDFLOW_DATABASES:-mindflow_write mindflow_read mindflow_identity}; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -tc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE \"$db\""
done
