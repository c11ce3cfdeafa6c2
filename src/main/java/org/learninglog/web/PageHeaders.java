package org.learninglog.web;

import java.util.List;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser protections of the front end's pages on every HTML page the service serves, also those other
 * features render (sign-in, sign-out, unsubscribe): the sign-in link's confirmation is one button that opens a
 * session, which a page of another site must not frame and click through. A page that set its own headers keeps
 * them.
 */
class PageHeaders {

    @ServerResponseFilter
    void protect(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        var headers = response.getHeaders();
        headers.putIfAbsent("Content-Security-Policy", List.of(WebPages.CONTENT_SECURITY_POLICY));
        headers.putIfAbsent("X-Content-Type-Options", List.of("nosniff"));
        headers.putIfAbsent("Referrer-Policy", List.of("same-origin"));
    }
}
