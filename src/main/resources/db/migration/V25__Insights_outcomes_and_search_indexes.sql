-- Insights (issue 15): the outcomes of accepted answers in a group's figures; search (issue 14): indexes by group.

-- entry: the outcomes told (how last week's advice worked out), each with the entry whose question it is about;
-- the outcome only, never its note.
CREATE VIEW entry_outcome AS
SELECT e.outcome_of, e.outcome
FROM entry e
WHERE e.deleted_at IS NULL AND e.outcome IS NOT NULL AND e.outcome_of IS NOT NULL;

-- entry (for insights): the outcome told about a question, found from the question (an index-only scan).
CREATE INDEX entry_outcome_of_idx ON entry (outcome_of) INCLUDE (outcome)
    WHERE deleted_at IS NULL AND outcome IS NOT NULL AND outcome_of IS NOT NULL;

-- Search (issue 14): the group's memory at the benchmark's volume. A member searches their own groups: the full-text
-- and trigram indexes over every group's documents found a common word in all of them and then kept a group's share
-- (25 ms at 60 groups, a misspelled word 870 ms). Indexes that hold the group with the words find a group's matches
-- in the index (decision 91). Multi-column GIN with a uuid needs btree_gin (trusted, like unaccent and pg_trgm), used
-- in whatever schema it lives, created in the service's schema where it does not exist (decision 78; the tests
-- create it in `public`).
DO $$
DECLARE
    btree text;
    trigrams text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') THEN
        CREATE EXTENSION btree_gin;
    END IF;
    SELECT n.nspname INTO btree FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'btree_gin';
    SELECT n.nspname INTO trigrams FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX search_document_group_words_idx ON search_document'
                   || ' USING gin (group_id %I.uuid_ops, document)', btree);
    EXECUTE format('CREATE INDEX search_document_group_plain_idx ON search_document'
                   || ' USING gin (group_id %I.uuid_ops, plain %I.gin_trgm_ops)', btree, trigrams);
END $$;

-- Experts beyond my groups: the accepted answers of the members who share their expertise.
CREATE INDEX search_document_accepted_author_idx ON search_document (author_id) WHERE kind = 'REPLY' AND accepted;
