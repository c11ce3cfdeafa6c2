-- search: who knows what reads the answered questions of the caller's groups on a topic. The index of all of a
-- group's documents by words (V23) made PostgreSQL fetch every entry and reply of the group that matched and drop
-- nine in ten of them (not answered, not an entry, another language); after ANALYZE it preferred intersecting the
-- group's entries with the whole table's matches instead (63,000 rows, 30 ms). Only answered entries here
-- (decision 139).
CREATE INDEX search_document_answered_words_idx ON search_document USING gin (group_id, document)
    WHERE kind = 'ENTRY' AND answered;

-- member: the members who share their expertise (member_sharing_expertise, V23) were found by reading every
-- member; they are few.
CREATE INDEX member_sharing_expertise_idx ON member (id) WHERE share_expertise AND active;
