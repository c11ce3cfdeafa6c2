package org.learninglog.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** OPTIONS answers with the methods the contract lists for the path, like a 405 does. */
class AllowHeaderFilter {

    private final Contract contract;

    AllowHeaderFilter(Contract contract) {
        this.contract = contract;
    }

    @ServerResponseFilter
    void allow(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            contract.allow(request.getUriInfo().getPath())
                    .ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
    }
}
