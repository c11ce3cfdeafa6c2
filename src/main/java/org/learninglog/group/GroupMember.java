package org.learninglog.group;

import java.time.Instant;
import java.util.UUID;

/** One member of a group as its membership list shows them: no email address, whoever asks. */
public record GroupMember(UUID memberId, String displayName, Membership.Role role, Instant joinedAt) {
}
