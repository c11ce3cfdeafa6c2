package org.learninglog.session;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.contract.SignInLinksApi;
import org.learninglog.api.contract.model.SignInLinkAcceptedJson;
import org.learninglog.api.contract.model.SignInLinkRequestJson;

import io.vertx.core.http.HttpServerRequest;

/** Public: asking for a sign-in link needs no authentication, and answers the same for every address. */
class SignInLinksResource implements SignInLinksApi {

    private final SignInService signIn;
    private final SignInConfig config;
    private final HttpServerRequest http;

    SignInLinksResource(SignInService signIn, SignInConfig config, HttpServerRequest http) {
        this.signIn = signIn;
        this.config = config;
        this.http = http;
    }

    @Override
    public Response requestSignInLink(SignInLinkRequestJson body) {
        return signIn.request(body.getEmail(), body.getNext(), ClientAddress.of(http))
                .map(TooManyResponses::problem)
                .orElseGet(() -> Response.accepted(new SignInLinkAcceptedJson().email(body.getEmail())
                        .validForMinutes((int) config.linkValidFor().toMinutes())).build());
    }
}
