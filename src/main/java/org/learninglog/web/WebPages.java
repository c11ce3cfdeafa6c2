package org.learninglog.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.learninglog.member.MemberRules;
import org.learninglog.member.MemberService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The web front end's pages: server-rendered shells in the member's language, whose scripts fetch every piece of
 * data from the public API with the session cookie. A page only checks that someone is signed in, to send the
 * signed out to sign-in and back; what they may see is the API's to decide.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class WebPages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final Pattern WEEK = Pattern.compile("current|[0-9]{4}-W[0-9]{2}");

    /** No inline script or style anywhere: scripts, styles and images come from this site only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance groups();

        static native TemplateInstance week(String groupId, String week);

        static native TemplateInstance thread(String entryId);

        static native TemplateInstance questions();

        static native TemplateInstance notifications();

        static native TemplateInstance search();

        static native TemplateInstance insights(String groupId);

        static native TemplateInstance settings();

        static native TemplateInstance members(String groupId);

        static native TemplateInstance admin();

        static native TemplateInstance notFound();
    }

    private final SecurityIdentity identity;
    private final MemberService members;
    private final HttpServerRequest http;

    WebPages(SecurityIdentity identity, MemberService members, HttpServerRequest http) {
        this.identity = identity;
        this.members = members;
        this.http = http;
    }

    @GET
    public Response groups() {
        return page("groups", Templates.groups());
    }

    /** A group's link (the invitation's) opens its current week. */
    @GET
    @Path("groups/{groupId}")
    public Response group(@PathParam("groupId") String groupId) {
        return week(groupId, "current");
    }

    @GET
    @Path("groups/{groupId}/weeks/{week}")
    public Response week(@PathParam("groupId") String groupId, @PathParam("week") String week) {
        if (!isId(groupId) || !WEEK.matcher(week).matches()) {
            return notFound();
        }
        return page("week", Templates.week(groupId, week));
    }

    @GET
    @Path("groups/{groupId}/members")
    public Response members(@PathParam("groupId") String groupId) {
        return isId(groupId) ? page("members", Templates.members(groupId)) : notFound();
    }

    @GET
    @Path("groups/{groupId}/insights")
    public Response insights(@PathParam("groupId") String groupId) {
        return isId(groupId) ? page("insights", Templates.insights(groupId)) : notFound();
    }

    @GET
    @Path("entries/{entryId}")
    public Response thread(@PathParam("entryId") String entryId) {
        return isId(entryId) ? page("thread", Templates.thread(entryId)) : notFound();
    }

    @GET
    @Path("questions")
    public Response questions() {
        return page("questions", Templates.questions());
    }

    @GET
    @Path("notifications")
    public Response notifications() {
        return page("notifications", Templates.notifications());
    }

    @GET
    @Path("search")
    public Response search() {
        return page("search", Templates.search());
    }

    @GET
    @Path("settings")
    public Response settings() {
        return page("settings", Templates.settings());
    }

    @GET
    @Path("admin")
    public Response admin() {
        return page("admin", Templates.admin());
    }

    private Response page(String name, TemplateInstance page) {
        UUID member = signedIn();
        if (member == null) {
            String here = http.path() + (http.query() == null ? "" : "?" + http.query());
            return Response.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)))
                    .header("Cache-Control", "no-store").build();
        }
        return render(200, page.data("page", name), Locale.forLanguageTag(members.language(member)));
    }

    private Response notFound() {
        UUID member = signedIn();
        Locale language = member == null ? browserLanguage() : Locale.forLanguageTag(members.language(member));
        return render(404, Templates.notFound().data("page", "notFound"), language);
    }

    private Response render(int status, TemplateInstance page, Locale language) {
        return Response.status(status).type(HTML).entity(page.setLocale(language).render())
                .header("Content-Language", language.toLanguageTag())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store").build();
    }

    /** The signed-in member, or null: no cookie, or one of a session that ended. */
    private UUID signedIn() {
        try {
            return identity.isAnonymous() ? null : UUID.fromString(identity.getPrincipal().getName());
        } catch (AuthenticationFailedException e) {
            return null;
        }
    }

    private Locale browserLanguage() {
        return Locale.forLanguageTag(MemberRules.languageFrom(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    private static boolean isId(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
