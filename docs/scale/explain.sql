SET enable_seqscan = off;
\echo '== Take'
EXPLAIN (COSTS OFF) UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = 'w', locked_until = now() + 60000 * interval '1 millisecond'
 WHERE id = (SELECT id FROM jobs WHERE state IN ('ready', 'running') AND run_at <= now() AND (state = 'ready' OR locked_until < now())
 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id;
\echo '== Done / Extend / Fail (by id)'
EXPLAIN (COSTS OFF) UPDATE jobs SET state = 'done' WHERE id = 5 AND state = 'running' AND worker = 'w';
\echo '== Seen'
EXPLAIN (COSTS OFF) SELECT hash FROM articles WHERE article_id = 'x';
\echo '== Put: the latest revision'
EXPLAIN (COSTS OFF) SELECT a.hash, r.revision, r.source, r.lines FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = 'x';
\echo '== Put: line counts'
EXPLAIN (COSTS OFF) INSERT INTO source_lines (source, hash, articles, sample) SELECT 'Reuters', h, count(*), (array_agg(s ORDER BY i))[1]
 FROM unnest('{1,2}'::bigint[], '{a,b}'::text[]) WITH ORDINALITY AS l(h, s, i) GROUP BY h
 ON CONFLICT (source, hash) DO UPDATE SET articles = source_lines.articles + excluded.articles;
\echo '== Boilerplate'
EXPLAIN (COSTS OFF) SELECT hash FROM source_boilerplate WHERE source = 'Reuters';
\echo '== Ordered (serial step)'
EXPLAIN (COSTS OFF) SELECT id, kind, state, payload, result, attempts, error FROM jobs WHERE ordered AND id > 100 ORDER BY id LIMIT 512;
\echo '== StoryLinks'
EXPLAIN (COSTS OFF) SELECT sa.article_id, sa.story_id, sa.score, sa.rule FROM unnest('{a,b}'::text[]) WITH ORDINALITY AS g(id, i) JOIN story_articles sa ON sa.article_id = g.id ORDER BY g.i;
\echo '== Article'
EXPLAIN (COSTS OFF) SELECT r.* FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = 'x';
\echo '== grouping state: words, postings, stories, members, bands, signatures'
EXPLAIN (COSTS OFF) SELECT word, id, df FROM group_words WHERE word = ANY('{w:a,w:b}');
EXPLAIN (COSTS OFF) SELECT feature, stories FROM group_lists WHERE feature = ANY('{1,2}') ORDER BY feature;
EXPLAIN (COSTS OFF) SELECT id, key FROM group_stories WHERE id = ANY('{1,2}');
EXPLAIN (COSTS OFF) SELECT story, idx, article FROM group_members WHERE story = 1 ORDER BY idx;
EXPLAIN (COSTS OFF) SELECT band, signature FROM group_bands WHERE band = ANY('{1,2}') ORDER BY band, signature;
EXPLAIN (COSTS OFF) SELECT id, article, signature FROM group_signatures WHERE id = ANY('{1,2}');
\echo '== SaveGroups: a story size'
EXPLAIN (COSTS OFF) SELECT COUNT(*) FROM story_articles WHERE story_id = 'story-x';
\echo '== SaveGroups: the grouped mark'
EXPLAIN (COSTS OFF) UPDATE group_meta SET grouped = coalesce(
	(SELECT a.seq - 1 FROM articles a WHERE a.seq > group_meta.grouped
		AND (SELECT true FROM story_articles sa WHERE sa.article_id = a.article_id) IS NULL ORDER BY a.seq LIMIT 1),
	(SELECT max(seq) FROM articles), 0) WHERE id = 1;
\echo '== Idle'
EXPLAIN (COSTS OFF) SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('ready', 'running'))
		OR EXISTS (SELECT 1 FROM jobs WHERE ordered AND id > (SELECT at FROM queue_cursor WHERE id = 1));
\echo '== Generation'
EXPLAIN (COSTS OFF) SELECT (SELECT n FROM generation), coalesce((SELECT max(seq) FROM revisions), 0), (SELECT indexed FROM search_state);
\echo '== ShownGeneration (per request of serve)'
EXPLAIN (COSTS OFF) SELECT (SELECT n FROM generation), (SELECT indexed FROM search_state);
\echo '== Search (the revisions the index took)'
EXPLAIN (COSTS OFF) SELECT count(*) FROM articles a JOIN revisions r ON r.seq = a.seq
 WHERE r.search @@ to_tsquery('simple', 'oil:*') AND r.seq + 0 <= (SELECT indexed FROM search_state);
\echo '== the serial step: the articles it groups, 32 at a time'
EXPLAIN (COSTS OFF) SELECT r.* FROM unnest('{a,b}'::text[]) WITH ORDINALITY AS g(id, i)
 JOIN articles a ON a.article_id = g.id JOIN revisions r ON r.seq = a.seq ORDER BY g.i;
\echo '== SaveGroups: the changed rows of a table, one statement'
EXPLAIN (COSTS OFF) INSERT INTO group_words (word, id, df) SELECT * FROM unnest('{w:a,w:b}'::text[], '{1,2}'::integer[], '{1,1}'::integer[])
 ON CONFLICT (word) DO UPDATE SET df = excluded.df;
EXPLAIN (COSTS OFF) DELETE FROM group_lists WHERE feature = ANY('{1,2}'::integer[]);
\echo '== the marks still to be reached, and the done jobs a round deletes'
EXPLAIN (COSTS OFF) SELECT id, kind, payload FROM jobs WHERE state = 'held' ORDER BY id;
EXPLAIN (COSTS OFF) SELECT id, payload FROM jobs WHERE state = 'done' AND kind = 'finish' ORDER BY id LIMIT 16;
EXPLAIN (COSTS OFF) DELETE FROM jobs WHERE id = ANY(ARRAY(SELECT id FROM jobs WHERE id BETWEEN 1 AND 3000 AND (state = 'done') IS TRUE ORDER BY id LIMIT 1000));
EXPLAIN (COSTS OFF) DELETE FROM jobs WHERE id = ANY(ARRAY(SELECT id FROM jobs WHERE state = 'done' AND kind = 'report' ORDER BY id LIMIT 1000));
\echo '== Report by key'
EXPLAIN (COSTS OFF) SELECT report FROM reports WHERE story_id = 's' AND key = 'k';
