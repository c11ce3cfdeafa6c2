package org.learninglog.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learninglog.TestData;
import org.learninglog.client.api.EntriesApi;
import org.learninglog.client.api.GroupsApi;
import org.learninglog.client.api.MembersApi;
import org.learninglog.client.api.ThreadsApi;
import org.learninglog.client.invoker.ApiClient;
import org.learninglog.client.invoker.ApiException;
import org.learninglog.client.model.AnswerWrite;
import org.learninglog.client.model.Entry;
import org.learninglog.client.model.EntryPatch;
import org.learninglog.client.model.EntryWrite;
import org.learninglog.client.model.GroupCreate;
import org.learninglog.client.model.GroupRole;
import org.learninglog.client.model.Member;
import org.learninglog.client.model.MemberCreate;
import org.learninglog.client.model.MembershipCreate;
import org.learninglog.client.model.Notification;
import org.learninglog.client.model.NotificationKind;
import org.learninglog.client.model.Problem;
import org.learninglog.client.model.QuestionStatus;
import org.learninglog.client.model.Reply;
import org.learninglog.client.model.ReplyWrite;
import org.learninglog.client.model.TokenCreate;
import org.learninglog.entry.Entries;
import org.learninglog.time.MutableClock;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A week's story told through the Java client generated from openapi.yaml (library {@code native}, Jackson), as a
 * client developer would write it: what the contract promises must be what a generated client can do.
 */
@QuarkusTest
class ClientStoryTest {

    private static final String WEEK = "2026-W48";

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @TestHTTPResource("/")
    URI root;

    ApiClient admin;

    @BeforeEach
    void setUp() {
        clock.set(Entries.TUESDAY_W48);
        admin = client(data.admin().token());
    }

    @Test
    void shouldRunAWeekThroughTheGeneratedClient() throws Exception {
        MembersApi members = new MembersApi(admin);
        Member asker = member(members, "Regional manager");
        Member peer = member(members, "Peer one");
        Member otherPeer = member(members, "Peer two");
        Member outsider = member(members, "Outsider");
        ApiClient askerClient = client(token(members, asker));
        ApiClient peerClient = client(token(members, peer));
        ApiClient otherPeerClient = client(token(members, otherPeer));
        ApiClient outsiderClient = client(token(members, outsider));

        GroupsApi groups = new GroupsApi(admin);
        UUID groupId = groups.createGroup(new GroupCreate().name("Managers " + TestData.suffix())).getId();
        groups.addGroupMember(groupId, new MembershipCreate().memberId(asker.getId()).role(GroupRole.FACILITATOR));
        groups.addGroupMember(groupId, new MembershipCreate().memberId(peer.getId()));
        groups.addGroupMember(groupId, new MembershipCreate().memberId(otherPeer.getId()));

        Entry entry = new EntriesApi(askerClient).putMyEntry(groupId, WEEK,
                new EntryWrite().tried("Switched to a new packaging supplier").failed("Costs came in 20% over budget")
                        .question("Has anyone found a workaround?").tags(List.of("packaging")));
        assertEquals(QuestionStatus.OPEN, entry.getQuestionStatus());

        // A retried post with the same Idempotency-Key gives the first reply again, not a second one.
        ThreadsApi peerReplies = new ThreadsApi(peerClient);
        Reply pooled = peerReplies.postReply(entry.getId(), new ReplyWrite().body("Pool the orders with two regions"),
                "story-reply-1");
        Reply replayed = peerReplies.postReply(entry.getId(),
                new ReplyWrite().body("Pool the orders with two regions"), "story-reply-1");
        assertEquals(pooled.getId(), replayed.getId());
        new ThreadsApi(otherPeerClient).postReply(entry.getId(),
                new ReplyWrite().body("Ask for a two-year contract"), "story-reply-2");
        assertEquals(2, new ThreadsApi(askerClient).listReplies(entry.getId(), null, null).getItems().size());

        Entry answered = new ThreadsApi(askerClient).acceptAnswer(entry.getId(),
                new AnswerWrite().replyId(pooled.getId()));
        assertEquals(QuestionStatus.ANSWERED, answered.getQuestionStatus());
        assertEquals(pooled.getId(), answered.getAcceptedReplyId());

        // Editing from a list: the entry's version is what If-Match sends.
        Entry listed = new EntriesApi(askerClient).listMyEntries(null, null).getItems().get(0);
        EntriesApi askerEntries = new EntriesApi(askerClient);
        Entry edited = askerEntries.patchEntry(listed.getId(),
                new EntryPatch().tags(List.of("packaging", "supplier-costs")), "\"" + listed.getVersion() + "\"");
        assertEquals(List.of("packaging", "supplier-costs"), edited.getTags());
        assertNotEquals(listed.getVersion(), edited.getVersion());

        // The client may leave If-Match out; the service then answers 428, as documented.
        ApiException withoutIfMatch = assertThrows(ApiException.class,
                () -> askerEntries.patchEntry(entry.getId(), new EntryPatch().tags(List.of("packaging")), null));
        assertEquals(428, withoutIfMatch.getCode());
        assertEquals(428, problem(askerClient, withoutIfMatch).getStatus());

        ApiException outside = assertThrows(ApiException.class,
                () -> new EntriesApi(outsiderClient).getEntry(entry.getId()));
        assertEquals(404, outside.getCode());
        Problem notFound = problem(outsiderClient, outside);
        assertEquals(404, notFound.getStatus());
        assertTrue(outside.getResponseHeaders().firstValue("Content-Type").orElseThrow()
                .startsWith("application/problem+json"));
    }

    @Test
    void shouldReadAnEnumValueTheClientDoesNotKnowYet() throws Exception {
        // The enums are open (x-extensible-enum): a kind added after the client was generated must not break it.
        String later = """
                {"id": "8f3b6d2a-4c19-4e7b-a0d5-3b9e1f7c2a64", "kind": "MENTIONED_IN_REPLY",
                 "entryId": "0b5f9a7e-3c1d-4e2f-8a6b-9c0d1e2f3a4b", "read": false,
                 "createdAt": "2026-11-24T10:00:00Z", "link": "/entries/0b5f9a7e-3c1d-4e2f-8a6b-9c0d1e2f3a4b"}
                """;
        Notification notification = admin.getObjectMapper().readValue(later, Notification.class);
        assertEquals(NotificationKind.UNKNOWN_DEFAULT_OPEN_API, notification.getKind());
        assertEquals("/entries/0b5f9a7e-3c1d-4e2f-8a6b-9c0d1e2f3a4b", notification.getLink());
    }

    @Test
    void shouldNotDefaultToLocalhost() {
        // servers names a placeholder that answers nothing, so a client that is not told the address fails loudly.
        assertEquals("https://learninglog.example.com", new ApiClient().getBaseUri());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static Member member(MembersApi members, String name) throws ApiException {
        String email = name.toLowerCase().replace(' ', '.') + "." + TestData.suffix() + "@test.invalid";
        return members.createMember(new MemberCreate().displayName(name).email(email).timeZone("Europe/Berlin"),
                null);
    }

    private static String token(MembersApi members, Member member) throws ApiException {
        return members.issueMemberToken(member.getId(), new TokenCreate().name("story client")).getToken();
    }

    private static Problem problem(ApiClient client, ApiException e) throws Exception {
        return client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
