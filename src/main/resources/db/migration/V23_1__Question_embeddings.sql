-- search: each question's sentence embedding (all-MiniLM-L6-v2, 384 dimensions), computed by the service (the model
-- runs in process) and compared in Java over one group's questions; pgvector is not available here (decision 81).
-- Null until the service has computed it; a changed question loses it, to be computed again.
ALTER TABLE search_document ADD COLUMN embedding real[];

CREATE FUNCTION search_question_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.question IS DISTINCT FROM OLD.question THEN
        NEW.embedding := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER search_question_changed BEFORE UPDATE ON search_document
    FOR EACH ROW EXECUTE FUNCTION search_question_changed();

-- The questions still to embed.
CREATE INDEX search_document_unembedded_idx ON search_document (created_at)
    WHERE kind = 'ENTRY' AND has_question AND embedding IS NULL;

-- The questions still without an accepted answer, by age: what the expert suggestions look through every minute.
CREATE INDEX search_document_unanswered_idx ON search_document (created_at)
    WHERE kind = 'ENTRY' AND has_question AND NOT answered;
