-- search: the words of each group, for the spelling fallback (decision 130). pg_trgm's documented way to suggest
-- spellings: a table of the distinct words with a trigram index, where a misspelled word finds the words like it
-- among short strings, instead of comparing it with the whole text of every document of the caller's groups
-- (decision 127: 44 ms a misspelled search on the benchmark's data). The words found are then searched by full
-- text, as any query.

-- The words of an unaccented, lower-case text (search_plain): the parser's tokens, each once. Longer tokens (links,
-- codes) are not words anyone misspells.
CREATE FUNCTION search_words(plain text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(w ORDER BY w), '{}')
    FROM unnest(tsvector_to_array(to_tsvector('pg_catalog.simple'::regconfig, $1))) w
    WHERE char_length(w) <= 40
$$;

-- Each group's distinct words, added by the database as documents are written (below). Words of documents deleted
-- or edited since stay: harmless, since a word suggested for a misspelling is then searched by full text in the
-- group's documents, which finds nothing for a word no document has any more.
CREATE TABLE search_word (
    group_id uuid NOT NULL,
    word     text NOT NULL,
    PRIMARY KEY (group_id, word)
);

-- Whether a word is like another (pg_trgm's %, similarity above pg_trgm.similarity_threshold, 0.3 by default), and
-- how much; simple SQL functions, which the planner inlines, so the trigram index serves them. The index holds the
-- group with the trigrams (btree_gin, as V25), so a group's words like a word are found in the index.
DO $$
DECLARE
    btree text;
    trigrams text;
BEGIN
    SELECT n.nspname INTO btree FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'btree_gin';
    SELECT n.nspname INTO trigrams FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE FUNCTION search_word_like(word text, asked text) RETURNS boolean LANGUAGE sql STABLE'
                   || ' STRICT PARALLEL SAFE AS $f$ SELECT $1 OPERATOR(%I.%%) $2 $f$', trigrams);
    EXECUTE format('CREATE FUNCTION search_word_likeness(word text, asked text) RETURNS real LANGUAGE sql STABLE'
                   || ' STRICT PARALLEL SAFE AS $f$ SELECT %I.similarity($1, $2) $f$', trigrams);
    EXECUTE format('CREATE INDEX search_word_trigram_idx ON search_word'
                   || ' USING gin (group_id %I.uuid_ops, word %I.gin_trgm_ops)', btree, trigrams);
END $$;

-- Any of the words (the spellings found for one asked word), all of them (one per asked word): tsquery's | and &
-- as aggregates. Strict, without an initial value: no rows, no query.
CREATE AGGREGATE search_any(tsquery) (SFUNC = tsquery_or, STYPE = tsquery);
CREATE AGGREGATE search_all(tsquery) (SFUNC = tsquery_and, STYPE = tsquery);

-- Kept current from the documents: a new document's words, and an edited one's. Sorted (search_words), so that two
-- writers adding the same new words wait for each other in the same order rather than deadlock.
CREATE FUNCTION search_document_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_word (group_id, word)
    SELECT NEW.group_id, w FROM unnest(search_words(NEW.plain)) WITH ORDINALITY AS u(w, i) ORDER BY i
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER search_document_words AFTER INSERT ON search_document
    FOR EACH ROW EXECUTE FUNCTION search_document_words();
CREATE TRIGGER search_document_words_changed AFTER UPDATE ON search_document
    FOR EACH ROW WHEN ((OLD.plain, OLD.group_id) IS DISTINCT FROM (NEW.plain, NEW.group_id))
    EXECUTE FUNCTION search_document_words();

-- What is there already.
INSERT INTO search_word (group_id, word)
SELECT DISTINCT d.group_id, w FROM search_document d CROSS JOIN LATERAL unnest(search_words(d.plain)) w;
ANALYZE search_word;
