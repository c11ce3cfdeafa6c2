package org.learninglog.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An in-app notice for one member that a thread they care about moved. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public enum Kind {
        REPLY_ON_MY_ENTRY, REPLY_ON_FOLLOWED_THREAD, ANSWER_ACCEPTED,
        /** Someone who might know the answer to the recipient's open question (the actor); in-app only. */
        EXPERT_SUGGESTED,
        /** A member of the group asked a question; at most once per member and entry (a unique index). */
        QUESTION_ASKED,
        /** The entry's author says how the accepted answer worked out. */
        OUTCOME_REPORTED
    }

    @Id
    public UUID id;

    @Column(name = "member_id")
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "reply_id")
    public UUID replyId;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
