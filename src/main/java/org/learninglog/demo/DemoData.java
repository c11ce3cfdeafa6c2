package org.learninglog.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.learninglog.group.GroupService;
import org.learninglog.group.Membership;
import org.learninglog.member.Member;
import org.learninglog.member.MemberService;
import org.learninglog.security.AccessTokenService;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/** Dev mode only: a demo group with members in several time zones and well-known tokens (see README). */
@IfBuildProfile("dev")
@ApplicationScoped
class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    record Person(String name, String email, String zone, Member.Role role, Membership.Role groupRole,
            String token) {
    }

    static final Person[] PEOPLE = {
        new Person("Dana Admin", "dana@demo.learninglog.dev", "Europe/Berlin", Member.Role.ADMIN, null,
                "ll_demo_admin"),
        new Person("Marta García", "marta@demo.learninglog.dev", "Europe/Madrid", Member.Role.MEMBER,
                Membership.Role.FACILITATOR, "ll_demo_marta"),
        new Person("Jonas Weber", "jonas@demo.learninglog.dev", "Europe/Berlin", Member.Role.MEMBER,
                Membership.Role.MEMBER, "ll_demo_jonas"),
        new Person("Zofia Nowak", "zofia@demo.learninglog.dev", "Europe/Warsaw", Member.Role.MEMBER,
                Membership.Role.MEMBER, "ll_demo_zofia"),
        new Person("Oliver Brown", "oliver@demo.learninglog.dev", "Europe/London", Member.Role.MEMBER,
                Membership.Role.MEMBER, "ll_demo_oliver"),
        new Person("Aoife Byrne", "aoife@demo.learninglog.dev", "Europe/Dublin", Member.Role.MEMBER,
                Membership.Role.MEMBER, "ll_demo_aoife"),
    };

    private final MemberService members;
    private final GroupService groups;
    private final AccessTokenService tokens;

    DemoData(MemberService members, GroupService groups, AccessTokenService tokens) {
        this.members = members;
        this.groups = groups;
        this.tokens = tokens;
    }

    @Transactional
    void seed(@Observes StartupEvent event) {
        if (Member.findByEmail(PEOPLE[0].email()).isPresent()) {
            return;
        }
        // Nobody asks for the demo data, so it is made by the operations that take no actor.
        var group = groups.create(new GroupService.Settings("Regional managers — sustainability",
                "Regional managers adapting stores and supply to the new sustainability rules.",
                null, null, java.time.DayOfWeek.THURSDAY, java.time.LocalTime.of(9, 0), false, null, null));
        for (Person person : PEOPLE) {
            Member member = members.register(person.name(), person.email(), person.zone(), person.role());
            tokens.ensure(member.id, "demo", person.token());
            if (person.groupRole() != null) {
                groups.addMember(group.id(), member.id, person.groupRole());
            }
        }
        LOG.info("Seeded the demo group; tokens are listed in README.md");
    }
}
