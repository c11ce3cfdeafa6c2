package org.learninglog.api;

import java.util.List;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content negotiation as the contract means it (decision 101): `Accept` chooses among the media types of the
 * operation's success responses only; problems are `application/problem+json` whatever was asked for (RFC 9457).
 * The generated interfaces also list the problem type as produced, so JAX-RS alone would refuse
 * `Accept: application/json` on an operation answering 204 (406), and write a body as text for `application/*`.
 * Here an operation without content takes any `Accept`, and any other gets the first of its media types the
 * `Accept` allows, or a 406 naming them.
 */
class AcceptFilter {

    private final Contract contract;

    AcceptFilter(Contract contract) {
        this.contract = contract;
    }

    @ServerRequestFilter(preMatching = true)
    void negotiate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        if (!request.getHeaders().containsKey(HttpHeaders.ACCEPT)) {
            return;
        }
        List<String> produced = contract.producedBy(path, method).orElse(null);
        if (produced == null) {
            return;
        }
        if (produced.isEmpty()) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.WILDCARD);
            return;
        }
        for (MediaType wanted : request.getAcceptableMediaTypes()) {
            if ("0".equals(wanted.getParameters().get("q"))) {
                continue;
            }
            for (String type : produced) {
                if (wanted.isCompatible(MediaType.valueOf(type))) {
                    request.getHeaders().putSingle(HttpHeaders.ACCEPT, type);
                    return;
                }
            }
        }
        throw new NotAcceptableException();
    }
}
