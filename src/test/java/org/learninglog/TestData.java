package org.learninglog;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.learninglog.group.GroupService;
import org.learninglog.group.Membership;
import org.learninglog.member.Member;
import org.learninglog.security.AccessTokenService;
import org.learninglog.time.MutableClock;

/** Small named factories for test data, written straight through the services. */
@ApplicationScoped
public class TestData {

    /** A member and the token they call the API with. */
    public record TestMember(UUID id, String name, String email, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GroupService groups;
    private final AccessTokenService tokens;
    private final MutableClock clock;

    TestData(GroupService groups, AccessTokenService tokens, MutableClock clock) {
        this.groups = groups;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public TestMember member(String name, String timeZone) {
        return create(name, timeZone, Member.Role.MEMBER);
    }

    @Transactional
    public TestMember member(String name) {
        return create(name, "Europe/Berlin", Member.Role.MEMBER);
    }

    @Transactional
    public TestMember admin() {
        return create("Admin " + suffix(), "UTC", Member.Role.ADMIN);
    }

    /** A group with a facilitator and members. */
    @Transactional
    public UUID group(String name, TestMember facilitator, TestMember... members) {
        // Set-up, not a caller: the operations that take no actor.
        UUID groupId = groups.create(new GroupService.Settings(name, null, null, null, null, null, false, null, null))
                .id();
        if (facilitator != null) {
            groups.addMember(groupId, facilitator.id(), Membership.Role.FACILITATOR);
        }
        for (TestMember member : members) {
            groups.addMember(groupId, member.id(), Membership.Role.MEMBER);
        }
        return groupId;
    }

    /** Adds the member to an existing group in that role. */
    @Transactional
    public void join(UUID groupId, TestMember member, Membership.Role role) {
        groups.addMember(groupId, member.id(), role);
    }

    public static String suffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private TestMember create(String name, String timeZone, Member.Role role) {
        String email = name.toLowerCase().replaceAll("[^a-z0-9]+", ".") + "." + suffix() + "@test.invalid";
        Member member = Member.create(name, email, timeZone, role, clock.instant());
        member.persist();
        String token = "ll_test_" + suffix() + suffix();
        tokens.ensure(member.id, "test", token);
        return new TestMember(member.id, name, email, token);
    }
}
