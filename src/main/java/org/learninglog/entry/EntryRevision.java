package org.learninglog.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of an entry, kept so its edits can be read later. */
@Entity
@Table(name = "entry_revision")
public class EntryRevision extends PanacheEntityBase {

    public enum Change { CREATED, REPLACED, EDITED, DELETED }

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    public int version;

    public String tried;

    public String failed;

    public String question;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    public String[] tags;

    @Enumerated(EnumType.STRING)
    public Change change;

    @Column(name = "edited_at")
    public Instant editedAt;

    static void record(Entry entry, Change change, Instant at) {
        EntryRevision revision = new EntryRevision();
        revision.id = UUID.randomUUID();
        revision.entryId = entry.id;
        revision.version = entry.version;
        revision.tried = entry.tried;
        revision.failed = entry.failed;
        revision.question = entry.question;
        revision.tags = entry.tags;
        revision.change = change;
        revision.editedAt = at;
        revision.persist();
    }

    /** A page of an entry's revisions, oldest first. */
    static Page<EntryService.Revision> pageOf(UUID entryId, String cursor, Integer limit) {
        Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.integer("r.version"));
        List<EntryService.Revision> rows = keyset.bind(getEntityManager().createQuery(
                "from EntryRevision r where r.entryId = :entry" + keyset.and() + " order by " + keyset.orderBy(),
                EntryRevision.class))
                .setParameter("entry", entryId).setMaxResults(keyset.fetchSize())
                .getResultList().stream().map(EntryRevision::view).toList();
        return keyset.page(rows, r -> List.of(r.version()));
    }

    private EntryService.Revision view() {
        return new EntryService.Revision(version, change, tried, failed, question,
                tags == null ? List.of() : List.of(tags), editedAt);
    }

    /** A removed entry keeps its timeline but not its words: the author took them back. */
    static void forgetContentOf(UUID entryId) {
        getEntityManager().createNativeQuery(
                "UPDATE entry_revision SET tried = NULL, failed = NULL, question = NULL, tags = '{}' WHERE entry_id = ?1")
                .setParameter(1, entryId).executeUpdate();
    }
}
