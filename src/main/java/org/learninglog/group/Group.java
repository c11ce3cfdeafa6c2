package org.learninglog.group;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.learninglog.api.Keyset;
import org.learninglog.api.Page;

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

    /** The language its entries and replies are searched in: en, de, es or pl. */
    public String language;

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
        group.language = "en";
        group.createdAt = now;
        group.updatedAt = now;
        return group;
    }

    /** All groups by name, a page after the cursor's. */
    static Page<Group> pageByName(String cursor, Integer limit) {
        Keyset keyset = byName(cursor, limit);
        List<Group> rows = find("from Group g" + keyset.where() + " order by " + keyset.orderBy(),
                keyset.parameters()).page(0, keyset.fetchSize()).list();
        return keyset.page(rows, g -> List.of(g.name, g.id));
    }

    /** The groups a member belongs to, by name, a page after the cursor's. */
    static Page<Group> pageOfMember(UUID memberId, String cursor, Integer limit) {
        Keyset keyset = byName(cursor, limit);
        Map<String, Object> parameters = new HashMap<>(keyset.parameters());
        parameters.put("member", memberId);
        List<Group> rows = find(
                "from Group g where g.id in (select m.groupId from Membership m where m.memberId = :member)"
                        + keyset.and() + " order by " + keyset.orderBy(),
                parameters).page(0, keyset.fetchSize()).list();
        return keyset.page(rows, g -> List.of(g.name, g.id));
    }

    private static Keyset byName(String cursor, Integer limit) {
        return Keyset.of(cursor, limit, Keyset.Key.ignoringCase("g.name"), Keyset.Key.uuid("g.id"));
    }

    public boolean hasFollowUp() {
        return followUpDay != null && followUpTime != null;
    }
}
