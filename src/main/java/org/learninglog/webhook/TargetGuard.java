package org.learninglog.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs webhooks may be sent to (SSRF): `https://` on hosts all of whose addresses are public; never loopback,
 * private (RFC 1918, 100.64/10 shared), link-local (169.254/16 with the cloud metadata address, fe80::/10),
 * unique-local IPv6 (fc00::/7), the unspecified address (0.0.0.0, ::), multicast, or IPv4 mapped into IPv6 of those.
 * Hosts in the allow-list pass whatever they resolve to, and may use `http://`. Checked at registration and again
 * before every attempt, since a name may resolve elsewhere by then.
 */
final class TargetGuard {

    /** Resolves a host name to its addresses (the system resolver; tests give their own). */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused, as the `url` field's message. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    TargetGuard(Collection<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(TargetGuard::normalHost).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    static TargetGuard of(WebhookConfig config) {
        return new TargetGuard(config.allowedHosts().orElse(java.util.List.of()), InetAddress::getAllByName);
    }

    /** The URL parsed, if it may be a target now; else why not. */
    URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("must be an absolute http(s) URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("must be an absolute http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not hold a user name or password");
        }
        String name = normalHost(host);
        if (allowedHosts.contains(name)) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw new Refused("must be https:// (http:// only for hosts in learninglog.webhooks.allowed-hosts)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + name);
        }
        if (addresses.length == 0) {
            throw new Refused("names a host that does not resolve: " + name);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new Refused("must not point to a private, loopback or link-local address (" + name + " is "
                        + address.getHostAddress() + ")");
            }
        }
        return uri;
    }

    /** Whether an address is a public unicast one a webhook may reach. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return !(a == 0 // "this network", 0.0.0.0/8
                    || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && b >= 16 && b <= 31)
                    || (a == 192 && b == 168) || (a == 100 && b >= 64 && b <= 127) // shared address space
                    || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || a >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (first == 0xfe && (bytes[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
                return false;
            }
            boolean mappedOrCompatible = true;
            for (int i = 0; i < 10; i++) {
                mappedOrCompatible &= bytes[i] == 0;
            }
            if (mappedOrCompatible && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
                    || (bytes[10] == 0 && bytes[11] == 0))) {
                // ::ffff:a.b.c.d (and the old ::a.b.c.d): judge the IPv4 address inside.
                try {
                    return isPublic(
                            InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String normalHost(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
