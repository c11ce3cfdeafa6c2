package org.learninglog.group;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A peer group and its weekly cadence. */
@Entity
@Table(name = "learning_group")
public class Group extends PanacheEntityBase {

    public static final int MAX_MEMBERS = 50;

    @Id
    public UUID id;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "log_day")
    public DayOfWeek logDay;

    @Column(name = "reminder_time")
    public LocalTime reminderTime;

    @Enumerated(EnumType.STRING)
    @Column(name = "follow_up_day")
    public DayOfWeek followUpDay;

    @Column(name = "follow_up_time")
    public LocalTime followUpTime;

    public boolean archived;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static Group create(String name, String description, Instant now) {
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = name;
        group.description = description;
        group.logDay = DayOfWeek.TUESDAY;
        group.reminderTime = LocalTime.of(9, 0);
        group.createdAt = now;
        group.updatedAt = now;
        return group;
    }

    /**
     * A page of all groups by name, after the cursor's (name, id). The name is lower-cased by the database,
     * like the sort key, because Java lower-cases some letters (`İ`, final `Σ`) differently.
     */
    static List<Group> pageByName(String afterName, UUID afterId, int rows) {
        if (afterName == null) {
            return find("order by lower(name), id").page(0, rows).list();
        }
        return find("(lower(name) > lower(?1) or (lower(name) = lower(?1) and id > ?2)) order by lower(name), id",
                afterName, afterId).page(0, rows).list();
    }

    /** A page of the groups a member belongs to, by name. */
    static List<Group> pageOfMember(UUID memberId, String afterName, UUID afterId, int rows) {
        String mine = "id in (select m.groupId from Membership m where m.memberId = ?1)";
        if (afterName == null) {
            return find(mine + " order by lower(name), id", memberId).page(0, rows).list();
        }
        return find(mine + " and (lower(name) > lower(?2) or (lower(name) = lower(?2) and id > ?3))"
                + " order by lower(name), id",
                memberId, afterName, afterId).page(0, rows).list();
    }

    public boolean hasFollowUp() {
        return followUpDay != null && followUpTime != null;
    }
}
