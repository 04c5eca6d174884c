ANALYZE;
SELECT c.relname AS table, c.reltuples::bigint AS rows,
  pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes, pg_total_relation_size(c.oid) AS total_bytes
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY total_bytes DESC;
SELECT i.relname AS index, pg_relation_size(i.oid) AS bytes FROM pg_class i JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE n.nspname = 'public' AND i.relkind = 'i' ORDER BY bytes DESC;
SELECT count(*) AS articles FROM articles;
SELECT count(*) AS stories FROM stories;
