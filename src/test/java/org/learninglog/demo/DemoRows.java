package org.learninglog.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.learninglog.TestData;
import org.learninglog.member.Member;
import org.learninglog.member.MemberService;
import org.learninglog.security.AccessTokenService;

/** Demo members and tokens in the test schema, as dev mode would have left them, and their removal. */
@ApplicationScoped
class DemoRows {

    private final MemberService members;
    private final AccessTokenService tokens;
    private final Event<MemberService.Deactivated> deactivated;

    DemoRows(MemberService members, AccessTokenService tokens, Event<MemberService.Deactivated> deactivated) {
        this.members = members;
        this.tokens = tokens;
        this.deactivated = deactivated;
    }

    @Transactional
    Member register(DemoData.Person person) {
        Member member = members.register(person.name(), person.email(), person.zone(), person.role());
        tokens.ensure(member.id, "demo", person.token());
        return member;
    }

    /** Gives the member another address and revokes their tokens, so no demo data is left. */
    @Transactional
    void retire(Member member) {
        Member stored = Member.findById(member.id);
        stored.email = "retired." + TestData.suffix() + "@test.invalid";
        deactivated.fire(new MemberService.Deactivated(member.id));
    }
}
