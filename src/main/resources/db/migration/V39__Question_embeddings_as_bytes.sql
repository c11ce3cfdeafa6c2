-- search: each question's embedding as 384 IEEE 754 floats in network byte order (float4send's), 1,536 bytes, which
-- the service reads with one copy. As real[] PostgreSQL sent every element on its own (array_send: one float4send
-- and one allocation each) and the driver boxed each into a Float (decision 137).
-- Converted here rather than computed again by the job: until it had, every similar-questions request would embed
-- the group's questions on the spot. By an UPDATE of the embedded rows, not ALTER COLUMN TYPE, which rewrites the
-- whole table and rebuilds every index under an exclusive lock that would stop search meanwhile.
ALTER TABLE search_document RENAME COLUMN embedding TO embedding_floats;
ALTER TABLE search_document ADD COLUMN embedding bytea;

-- Kept in the row: a question's document is about 1.3 kB, with its embedding 2.8 kB, over the 2 kB at which
-- PostgreSQL moves the largest value out to the TOAST table, so every embedding read was a lookup there (208 per
-- request in a group of the benchmark). Rows up to 4 kB stay whole; in a longer one the text goes out first.
ALTER TABLE search_document ALTER COLUMN embedding SET STORAGE MAIN;
ALTER TABLE search_document SET (toast_tuple_target = 4096);

UPDATE search_document d
SET embedding = (SELECT coalesce(string_agg(float4send(v), ''::bytea ORDER BY i), ''::bytea)
                 FROM unnest(d.embedding_floats) WITH ORDINALITY AS f(v, i)),
    embedding_floats = NULL
WHERE d.embedding_floats IS NOT NULL;
-- Dropping the column drops the index of the questions still to embed with it.
ALTER TABLE search_document DROP COLUMN embedding_floats;
CREATE INDEX search_document_unembedded_idx ON search_document (created_at)
    WHERE kind = 'ENTRY' AND has_question AND embedding IS NULL;

-- A group's questions, which similar questions read all of: the group's index of entries (V23) made PostgreSQL
-- visit the two in three that ask nothing as well.
CREATE INDEX search_document_group_questions_idx ON search_document (group_id) WHERE kind = 'ENTRY' AND has_question;
