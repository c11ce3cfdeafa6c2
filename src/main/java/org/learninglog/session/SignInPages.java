package org.learninglog.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.learninglog.identity.Actor;
import org.learninglog.identity.CurrentMember;
import org.learninglog.member.MemberRules;
import org.learninglog.security.SingleSignOn;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The sign-in pages, outside the API and without login. Opening a link only shows a page with a "Sign in" button,
 * because mail scanners fetch links; its POST uses the link and opens the session. Links and tokens never stay in
 * the address bar: the POST answers 303 to `next`. Every outcome is a page, never an error document.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
class SignInPages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(String email, String next, boolean invalid);

        static native TemplateInstance sent(String email, long validForMinutes);

        static native TemplateInstance tooMany(long minutes);

        static native TemplateInstance confirm(String token);

        static native TemplateInstance gone(String email);

        static native TemplateInstance unknown();

        static native TemplateInstance signOut(String csrfToken);

        static native TemplateInstance signedOut();

        static native TemplateInstance crossSite();
    }

    private final SignInService signIn;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final SignInConfig config;
    private final HttpServerRequest http;
    private final CurrentIdentityAssociation identity;

    SignInPages(SignInService signIn, SessionService sessions, SessionCookies cookies, SignInConfig config,
            HttpServerRequest http, CurrentIdentityAssociation identity) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookies = cookies;
        this.config = config;
        this.http = http;
        this.identity = identity;
    }

    /**
     * The form; or, behind a company front door that passes the person's SSO token (`Authorization: Bearer`), a
     * session for the token's member at once, and 303 to `next`: the pages then work with the cookie as usual.
     */
    @GET
    @Path("sign-in")
    public Response form(@QueryParam("email") String email, @QueryParam("next") String next) {
        if (http.getHeader("Authorization") != null) {
            var opened = signedInBySso().flatMap(actor -> sessions.open(actor.id()));
            if (opened.isPresent()) {
                String to = SignInRules.next(next);
                return Response.seeOther(URI.create(to == null ? "/" : to))
                        .header("Set-Cookie", cookies.set(opened.get().secret()))
                        .header("Cache-Control", "no-store").build();
            }
        }
        return page(200, Templates.form(email == null ? "" : email, SignInRules.next(next), false));
    }

    /** The member of the request's SSO token; empty for none, a failed one, or a personal access token. */
    private Optional<Actor> signedInBySso() {
        try {
            SecurityIdentity caller = identity.getIdentity();
            if (caller.isAnonymous() || !SingleSignOn.provedBySso(caller)) {
                return Optional.empty();
            }
            return Optional.of(CurrentMember.actorOf(caller));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    @POST
    @Path("sign-in")
    public Response ask(@FormParam("email") String email, @FormParam("next") String next) {
        if (fromAnotherSite()) {
            return page(403, Templates.crossSite());
        }
        String address = email == null ? "" : email.strip();
        if (address.length() < 3 || address.length() > 254 || address.indexOf('@') < 1) {
            return page(400, Templates.form(address, SignInRules.next(next), true));
        }
        return signIn.request(address, next, ClientAddress.of(http))
                .map(tooMany -> Response.fromResponse(page(429, Templates.tooMany(TooManyResponses.minutes(tooMany))))
                        .header("Retry-After", TooManyResponses.seconds(tooMany)).build())
                .orElseGet(() -> page(200, Templates.sent(address, config.linkValidFor().toMinutes())));
    }

    @GET
    @Path("sign-in/{token}")
    public Response open(@PathParam("token") String token) {
        SignInService.Opening opening = signIn.peek(token);
        if (opening instanceof SignInService.Valid) {
            return page(200, Templates.confirm(token));
        }
        return failed(opening);
    }

    @POST
    @Path("sign-in/{token}")
    public Response signIn(@PathParam("token") String token) {
        // Login CSRF: another site must not sign a visitor into an account whose link it holds.
        if (fromAnotherSite()) {
            return page(403, Templates.crossSite());
        }
        SignInService.Opening opening = signIn.open(token);
        if (opening instanceof SignInService.Opened opened) {
            return Response.seeOther(URI.create(opened.next()))
                    .header("Set-Cookie", cookies.set(opened.session().secret()))
                    .header("Cache-Control", "no-store").build();
        }
        return failed(opening);
    }

    @GET
    @Path("sign-out")
    public Response signOutPage(@CookieParam(SessionCookies.NAME) String secret) {
        return secret == null || secret.isEmpty() ? page(200, Templates.signedOut())
                : page(200, Templates.signOut(SignInSecrets.csrfToken(secret)));
    }

    /** The form carries the CSRF token as a field, so another site cannot sign a person out. */
    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(SessionCookies.NAME) String secret, @FormParam("csrf") String csrf) {
        if (secret == null || secret.isEmpty()) {
            return page(200, Templates.signedOut());
        }
        if (!CsrfFilter.matches(secret, csrf)) {
            return page(403, Templates.signOut(SignInSecrets.csrfToken(secret)));
        }
        sessions.signOut(secret);
        return Response.fromResponse(page(200, Templates.signedOut())).header("Set-Cookie", cookies.clear()).build();
    }

    /**
     * Whether a browser says this form was posted from another site: by {@code Sec-Fetch-Site}, or else by an
     * {@code Origin} naming another host than the request's. Clients that send neither (not browsers) pass.
     */
    private boolean fromAnotherSite() {
        String site = http.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = http.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            return from.getRawAuthority() == null || !from.getRawAuthority().equalsIgnoreCase(http.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private Response failed(SignInService.Opening opening) {
        return opening instanceof SignInService.Gone gone
                ? page(410,
                        Templates.gone(
                                URLEncoder.encode(gone.email() == null ? "" : gone.email(), StandardCharsets.UTF_8)))
                : page(404, Templates.unknown());
    }

    /** A page in the browser's language (the visitor may not be signed in), English when none is supported. */
    private Response page(int status, TemplateInstance page) {
        Locale language = Locale.forLanguageTag(MemberRules.languageFrom(http.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        // Links carry their secret in the path: keep it out of caches and of the Referer of any link on the page.
        return Response.status(status).type(HTML).entity(page.setLocale(language).render())
                .header("Content-Language", language.toLanguageTag()).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
