package org.learninglog.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which targets webhooks refuse (SSRF), with no host allowed and with a name that resolves where it should not. */
class TargetGuardTest {

    /** A resolver for made-up names; literal addresses resolve to themselves, as the system's does. */
    private static final Map<String, String> DNS = Map.of("chat.example.com", "93.184.216.34",
            "rebound.example.com", "10.0.0.5", "metadata.example.com", "169.254.169.254",
            "mixed.example.com", "93.184.216.34,127.0.0.1", "v6local.example.com", "fd12:3456::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null) {
            if (host.equals("localhost")) {
                return InetAddress.getAllByName("localhost");
            }
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        String[] parts = addresses.split(",");
        InetAddress[] resolved = new InetAddress[parts.length];
        for (int i = 0; i < parts.length; i++) {
            resolved[i] = InetAddress.getByName(parts[i]);
        }
        return resolved;
    }

    private final TargetGuard guard = new TargetGuard(List.of(), TargetGuardTest::resolve);

    private String refusal(String url) {
        return assertThrows(TargetGuard.Refused.class, () -> guard.check(url), url).getMessage();
    }

    @Test
    void shouldRefuseLoopbackPrivateLinkLocalAndMetadataAddresses() {
        for (String url : List.of("https://127.0.0.1/hook", "https://127.1.2.3/", "https://10.0.0.1/",
                "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.0.1/", "https://169.254.169.254/",
                "https://169.254.1.1/", "https://0.0.0.0/", "https://100.64.0.1/", "https://[::1]/",
                "https://[::]/", "https://[fe80::1]/", "https://[fd00::1]/", "https://[fc00::1]/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/",
                "https://255.255.255.255/")) {
            assertTrue(refusal(url).contains("private, loopback or link-local"), url);
        }
    }

    @Test
    void shouldRefuseNamesThatResolveToSuchAddresses() {
        assertTrue(refusal("https://localhost/hook").contains("loopback"));
        assertTrue(refusal("https://LOCALHOST./hook").contains("loopback"));
        assertTrue(refusal("https://rebound.example.com/hook").contains("10.0.0.5"));
        assertTrue(refusal("https://metadata.example.com/").contains("169.254.169.254"));
        assertTrue(refusal("https://v6local.example.com/").contains("private"));
        // Every address counts: one private address among public ones is enough to refuse.
        assertTrue(refusal("https://mixed.example.com/").contains("127.0.0.1"));
        assertTrue(refusal("https://nowhere.example.com/").contains("does not resolve"));
    }

    @Test
    void shouldRefuseOtherSchemesPlainHttpAndCredentialsInTheUrl() {
        assertTrue(refusal("http://chat.example.com/hook").contains("https://"));
        assertTrue(refusal("ftp://chat.example.com/hook").contains("http(s)"));
        assertTrue(refusal("/relative").contains("http(s)"));
        assertTrue(refusal("https://user:secret@chat.example.com/").contains("user name"));
    }

    @Test
    void shouldAcceptHttpsOnPublicAddresses() throws Exception {
        assertEquals("chat.example.com", guard.check("https://chat.example.com/services/T0/B0/x").getHost());
        assertEquals("93.184.216.34", guard.check("https://93.184.216.34:8443/hook").getHost());
        assertTrue(TargetGuard.isPublic(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
    }

    @Test
    void shouldLetAllowedHostsThroughOverHttpToo() throws Exception {
        TargetGuard intranet = new TargetGuard(List.of("127.0.0.1", "Chat.Intranet.Example", "::1"),
                TargetGuardTest::resolve);
        assertEquals(8080, intranet.check("http://127.0.0.1:8080/hook").getPort());
        assertEquals("chat.intranet.example", intranet.check("http://chat.intranet.example/hook").getHost());
        intranet.check("https://[::1]/hook");
        assertThrows(TargetGuard.Refused.class, () -> intranet.check("http://localhost/hook"));
        assertThrows(TargetGuard.Refused.class, () -> intranet.check("https://10.0.0.1/hook"));
    }
}
