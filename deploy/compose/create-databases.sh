#!/bin/sh
# Runs once, on the first start of an empty data volume: one database and one owner per service, as
# in the cluster, so no service can read another's tables. Passwords come from the environment.
set -eu
for service in contributions targets reporting; do
  password=$(printenv "$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD")
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       -v name="$service" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
done
