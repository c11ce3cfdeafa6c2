package org.learninglog.group;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.learninglog.api.Problems;
import org.learninglog.identity.Actor;

/**
 * Who may see what of a group. Outsiders get 404, so ids leak nothing; administrators who are not
 * members see a group's name, membership and numbers, never its content.
 */
@ApplicationScoped
public class GroupAccess {

    /** The group, for its members and administrators. */
    public Group visibleGroup(Actor actor, UUID groupId) {
        Group group = Group.<Group>findByIdOptional(groupId).orElseThrow(() -> Problems.notFound("Group"));
        if (!actor.admin() && !Membership.isMember(groupId, actor.id())) {
            throw Problems.notFound("Group");
        }
        return group;
    }

    /** The actor's membership, for reading and writing the group's content; 404 for anyone else. */
    public Membership contentAccess(Actor actor, UUID groupId) {
        return Membership.find(groupId, actor.id()).orElseThrow(() -> Problems.notFound("Group"));
    }

    /**
     * For what a group's facilitators do for their own group (its insights' nudges, its reminder preview): 404 for
     * anyone not in the group, administrators too, as for its content; 403 for its plain members.
     */
    public void facilitatorAccess(Actor actor, UUID groupId) {
        Membership mine = contentAccess(actor, groupId);
        if (mine.role != Membership.Role.FACILITATOR) {
            throw Problems.forbidden("Only the group's facilitators may do this");
        }
    }

    /**
     * Content of a group found by its own id (an entry, a reply), for the members of its group. Anyone else gets
     * the very 404 they would get if it did not exist, so an id tells outsiders nothing, not even that it exists.
     */
    public <T> T content(Actor actor, Optional<T> found, Function<T, UUID> groupOf, String what) {
        T content = found.orElseThrow(() -> Problems.notFound(what));
        if (!Membership.isMember(groupOf.apply(content), actor.id())) {
            throw Problems.notFound(what);
        }
        return content;
    }

    /**
     * The actor's membership, for writing the group's content (entries, replies, answers): 404 for anyone else, 422
     * while the group is archived. Takes a share lock on the membership row and the group row until the transaction
     * ends, so a removal from the group or its archiving waits for the write, and a write after them sees them.
     * Callers take it before any lock on the content.
     */
    public void contentWriteAccess(Actor actor, UUID groupId) {
        contentWriteAccess(actor, groupId, "Group");
    }

    /** As {@link #contentWriteAccess(Actor, UUID)}, for content found by its own id: a non-member's 404 names it. */
    public void contentWriteAccess(Actor actor, UUID groupId, String what) {
        List<?> archived = Group.getEntityManager()
                .createNativeQuery("SELECT g.archived FROM learning_group g JOIN membership ms ON ms.group_id = g.id"
                        + " WHERE g.id = ?1 AND ms.member_id = ?2 FOR SHARE")
                .setParameter(1, groupId).setParameter(2, actor.id()).getResultList();
        if (archived.isEmpty()) {
            throw Problems.notFound(what);
        }
        if (Boolean.TRUE.equals(archived.get(0))) {
            throw Problems.unprocessable("The group is archived; its content is read-only");
        }
    }

    /**
     * The group, for those who may manage it: administrators and its facilitators. Locks the group's row first
     * (until the transaction ends), so changes of a group and of its membership are served one after the other,
     * and who facilitates it is read after the change that was in flight.
     */
    Group managedGroup(Actor actor, UUID groupId) {
        Group group = Group.<Group>findByIdOptional(groupId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Group"));
        if (actor.admin()) {
            return group;
        }
        Membership mine = Membership.find(groupId, actor.id()).orElseThrow(() -> Problems.notFound("Group"));
        if (mine.role != Membership.Role.FACILITATOR) {
            throw Problems.forbidden("Only administrators and the group's facilitators may do this");
        }
        return group;
    }
}
