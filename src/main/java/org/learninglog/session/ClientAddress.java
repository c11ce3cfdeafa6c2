package org.learninglog.session;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address, for the rate limit: the peer, or behind a proxy the address it forwards when
 * `quarkus.http.proxy.proxy-address-forwarding` is on (never trust forwarded headers without a proxy).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
