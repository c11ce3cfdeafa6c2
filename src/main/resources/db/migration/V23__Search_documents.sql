-- search: the group's memory. Every entry and reply has a row in search_document, kept current by the database
-- (triggers below), with a stored tsvector in the group's language and an unaccented plain text for trigrams.
-- PostgreSQL is the search engine (decision 77).

-- group: each group's language (en, de, es, pl), which its entries and replies are searched in.
ALTER TABLE learning_group ADD COLUMN language text NOT NULL DEFAULT 'en'
    CHECK (language IN ('en', 'de', 'es', 'pl'));

-- group: the directory gains the language, at the end (CREATE OR REPLACE VIEW may only add columns there).
CREATE OR REPLACE VIEW group_directory AS
SELECT g.id AS group_id, g.name, g.archived, g.language
FROM learning_group g;

-- member: whether a member lets the whole organisation see what they know (names, topics, counts; never content).
ALTER TABLE member ADD COLUMN share_expertise boolean NOT NULL DEFAULT false;

-- member: the members who share their expertise beyond their groups.
CREATE VIEW member_sharing_expertise AS
SELECT m.id AS member_id
FROM member m
WHERE m.share_expertise AND m.active;

-- The extensions unaccent and pg_trgm (both trusted: a role with CREATE on the database may add them). One
-- installation serves the whole database, in whatever schema it lives: where they exist already they are used
-- there, otherwise they are created in the service's schema (the first on the search path). The tests create
-- them in `public` before Flyway runs (TestDatabase), so that cleaning one test run's schema never drops them
-- under another's. Everything below names them through the schema they are found in (decision 78).
DO $$
DECLARE
    accents text;
    trigrams text;
    language record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        CREATE EXTENSION unaccent;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE EXTENSION pg_trgm;
    END IF;
    SELECT n.nspname INTO accents FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent';
    SELECT n.nspname INTO trigrams FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';

    -- One text search configuration per group language: the language's stemmer after unaccent, so `Lieferanten`
    -- finds `Lieferant` and `canción` finds `cancion`. Polish has no stemmer in PostgreSQL: simple, unaccented.
    FOR language IN SELECT * FROM (VALUES ('search_english', 'english', 'english_stem'),
                                          ('search_german', 'german', 'german_stem'),
                                          ('search_spanish', 'spanish', 'spanish_stem'),
                                          ('search_simple', 'simple', 'simple')) AS l(config, base, stemmer)
    LOOP
        EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)', language.config, language.base);
        EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR hword, hword_part, word'
                       || ' WITH %I.unaccent, %s', language.config, accents, language.stemmer);
    END LOOP;

    -- Text without accents, lower case: what trigrams compare.
    EXECUTE format('CREATE FUNCTION search_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE'
                   || ' AS $f$ SELECT lower(%1$I.unaccent(%2$L::regdictionary, $1)) $f$',
                   accents, accents || '.unaccent');
    -- Whether the words are like a stretch of the text (pg_trgm's <%), and how much; simple SQL functions, which
    -- the planner inlines, so the trigram index serves them.
    EXECUTE format('CREATE FUNCTION search_resembles(words text, plain text) RETURNS boolean LANGUAGE sql STABLE'
                   || ' STRICT PARALLEL SAFE AS $f$ SELECT $1 OPERATOR(%I.<%%) $2 $f$', trigrams);
    EXECUTE format('CREATE FUNCTION search_resemblance(words text, plain text) RETURNS real LANGUAGE sql STABLE'
                   || ' STRICT PARALLEL SAFE AS $f$ SELECT %I.word_similarity($1, $2) $f$', trigrams);
    EXECUTE format('CREATE FUNCTION search_trigram_index() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN'
                   || ' CREATE INDEX search_document_plain_idx ON search_document USING gin (plain %I.gin_trgm_ops);'
                   || ' END $f$', trigrams);
END $$;

-- The configuration of a group language.
CREATE FUNCTION search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE language WHEN 'de' THEN 'search_german' WHEN 'es' THEN 'search_spanish'
                         WHEN 'pl' THEN 'search_simple' ELSE 'search_english' END::regconfig
$$;

-- What a document is searched by: the question and the tags weigh most, and so does a reply (an answer); what was
-- tried and what failed a little less.
CREATE FUNCTION search_vector(config regconfig, kind text, question text, details text, tags varchar(40)[])
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector(config, coalesce(question, '')), 'A')
        || setweight(to_tsvector(config, array_to_string(tags, ' ')), 'A')
        || setweight(to_tsvector(config, coalesce(details, '')),
                     CAST(CASE WHEN kind = 'REPLY' THEN 'A' ELSE 'B' END AS "char"))
$$;

-- What trigrams compare: all of a document's words, unaccented, lower case.
CREATE FUNCTION search_plain(question text, details text, tags varchar(40)[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_unaccent(concat_ws(' ', question, details, array_to_string(tags, ' ')))
$$;

-- One searchable text: an entry (its question, what was tried and what failed, its tags) or a reply (its body,
-- with its thread's group, week and tags).
CREATE TABLE search_document (
    id           uuid PRIMARY KEY,
    kind         varchar(8)    NOT NULL CHECK (kind IN ('ENTRY', 'REPLY')),
    entry_id     uuid          NOT NULL,
    group_id     uuid          NOT NULL,
    author_id    uuid          NOT NULL,
    week         varchar(8)    NOT NULL,
    tags         varchar(40)[] NOT NULL,
    -- The entry asks a question (for a reply: always); it has an accepted answer; this reply is that answer.
    has_question boolean       NOT NULL,
    answered     boolean       NOT NULL,
    accepted     boolean       NOT NULL DEFAULT false,
    question     text,
    details      text          NOT NULL,
    config       regconfig     NOT NULL,
    created_at   timestamptz   NOT NULL,
    document     tsvector      GENERATED ALWAYS AS (search_vector(config, kind, question, details, tags)) STORED,
    plain        text          GENERATED ALWAYS AS (search_plain(question, details, tags)) STORED
);
CREATE INDEX search_document_document_idx ON search_document USING gin (document);
SELECT search_trigram_index();
DROP FUNCTION search_trigram_index();
CREATE INDEX search_document_entry_idx ON search_document (entry_id);
-- A group's questions, for similar questions and tags.
CREATE INDEX search_document_group_idx ON search_document (group_id, created_at DESC) WHERE kind = 'ENTRY';

-- Kept current from the entry: its own document, and its thread's (group, week, tags, answered, accepted).
CREATE FUNCTION search_entry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_document WHERE entry_id = OLD.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.question, OLD.tried, OLD.failed, OLD.tags, OLD.deleted_at, OLD.accepted_reply_id)
            IS NOT DISTINCT FROM (NEW.question, NEW.tried, NEW.failed, NEW.tags, NEW.deleted_at, NEW.accepted_reply_id)
    THEN
        RETURN NULL;
    END IF;
    IF NEW.deleted_at IS NOT NULL THEN
        DELETE FROM search_document WHERE id = NEW.id;
    ELSE
        INSERT INTO search_document (id, kind, entry_id, group_id, author_id, week, tags, has_question, answered,
                                     question, details, config, created_at)
        SELECT NEW.id, 'ENTRY', NEW.id, NEW.group_id, NEW.member_id, NEW.week, NEW.tags, NEW.question IS NOT NULL,
               NEW.accepted_reply_id IS NOT NULL, NEW.question,
               concat_ws(E'\n', NEW.tried, NEW.failed), search_config(g.language), NEW.created_at
        FROM group_directory g WHERE g.group_id = NEW.group_id
        ON CONFLICT (id) DO UPDATE SET tags = EXCLUDED.tags, has_question = EXCLUDED.has_question,
            answered = EXCLUDED.answered, question = EXCLUDED.question, details = EXCLUDED.details;
    END IF;
    UPDATE search_document d SET tags = NEW.tags, answered = NEW.accepted_reply_id IS NOT NULL,
                                 accepted = d.id IS NOT DISTINCT FROM NEW.accepted_reply_id
    WHERE d.entry_id = NEW.id AND d.kind = 'REPLY'
      AND (d.tags, d.answered, d.accepted)
          IS DISTINCT FROM (NEW.tags, NEW.accepted_reply_id IS NOT NULL, d.id IS NOT DISTINCT FROM NEW.accepted_reply_id);
    RETURN NULL;
END $$;
CREATE TRIGGER search_entry_changed AFTER INSERT OR UPDATE OR DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION search_entry_changed();

-- Kept current from the reply: its body, in its thread's group and language.
CREATE FUNCTION search_reply_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_document WHERE id = OLD.id;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.body IS NOT DISTINCT FROM NEW.body THEN
        RETURN NULL;
    END IF;
    INSERT INTO search_document (id, kind, entry_id, group_id, author_id, week, tags, has_question, answered,
                                 accepted, question, details, config, created_at)
    SELECT NEW.id, 'REPLY', NEW.entry_id, e.group_id, NEW.member_id, e.week, e.tags, true,
           e.accepted_reply_id IS NOT NULL, e.accepted_reply_id IS NOT DISTINCT FROM NEW.id, NULL, NEW.body,
           search_config(g.language), NEW.created_at
    FROM entry e JOIN group_directory g ON g.group_id = e.group_id
    WHERE e.id = NEW.entry_id
    ON CONFLICT (id) DO UPDATE SET details = EXCLUDED.details;
    RETURN NULL;
END $$;
CREATE TRIGGER search_reply_changed AFTER INSERT OR UPDATE OR DELETE ON reply
    FOR EACH ROW EXECUTE FUNCTION search_reply_changed();

-- A group that changes its language is searched in the new one from then on.
CREATE FUNCTION search_group_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.language IS DISTINCT FROM NEW.language THEN
        UPDATE search_document SET config = search_config(NEW.language) WHERE group_id = NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER search_group_changed AFTER UPDATE ON learning_group
    FOR EACH ROW EXECUTE FUNCTION search_group_changed();

-- What is there already.
INSERT INTO search_document (id, kind, entry_id, group_id, author_id, week, tags, has_question, answered, question,
                             details, config, created_at)
SELECT e.id, 'ENTRY', e.id, e.group_id, e.member_id, e.week, e.tags, e.question IS NOT NULL,
       e.accepted_reply_id IS NOT NULL, e.question, concat_ws(E'\n', e.tried, e.failed), search_config(g.language),
       e.created_at
FROM entry e JOIN learning_group g ON g.id = e.group_id
WHERE e.deleted_at IS NULL;
INSERT INTO search_document (id, kind, entry_id, group_id, author_id, week, tags, has_question, answered, accepted,
                             question, details, config, created_at)
SELECT r.id, 'REPLY', r.entry_id, e.group_id, r.member_id, e.week, e.tags, true, e.accepted_reply_id IS NOT NULL,
       e.accepted_reply_id IS NOT DISTINCT FROM r.id, NULL, r.body, search_config(g.language), r.created_at
FROM reply r JOIN entry e ON e.id = r.entry_id JOIN learning_group g ON g.id = e.group_id;

-- Unanswered questions whose asker was told who might know (at most once per question).
CREATE TABLE search_expert_suggestion (
    entry_id     uuid PRIMARY KEY,
    suggested_at timestamptz NOT NULL
);

-- Text made safe to put into HTML, before ts_headline marks the words in it.
CREATE FUNCTION search_html(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT replace(replace(replace(replace(replace($1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'),
                   '''', '&#39;')
$$;

-- search publishes: the entries with a question in a member's groups whose entry or thread matches the words (web
-- search syntax, in each group's language). The questions feed (thread) filters by it.
CREATE FUNCTION search_matching_questions(member uuid, words text) RETURNS TABLE (entry_id uuid)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT DISTINCT d.entry_id
    FROM group_membership ms
    JOIN group_directory g ON g.group_id = ms.group_id
    JOIN search_document d ON d.group_id = ms.group_id AND d.config = search_config(g.language)
    WHERE ms.member_id = member AND d.has_question
      AND d.document @@ websearch_to_tsquery(search_config(g.language), words)
$$;
