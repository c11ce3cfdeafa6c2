package org.learninglog.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the company's OpenID Connect provider: an RSA key pair generated here, its public half served as a
 * JWKS on a local port, and tokens signed with it (or, to be refused, with another key of the same `kid`).
 */
public class IdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://login.company.test/realms/staff";
    public static final String AUDIENCE = "learning-log";

    private static final RsaJsonWebKey KEY = generate("company-key-1");
    private static final RsaJsonWebKey OTHER_KEY = generate("company-key-1");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] jwks = new JsonWebKeySet(List.<JsonWebKey>of(KEY)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        server.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(jwks);
            }
        });
        server.start();
        return Map.of("learninglog.sso.issuer", ISSUER, "learninglog.sso.audience", AUDIENCE,
                "learninglog.sso.jwks-location",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Claims of a token valid for an hour from `now`, for that email. */
    public static JwtClaims claims(String email, Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now.plusSeconds(3600).toEpochMilli()));
        claims.setClaim("email", email);
        claims.setClaim("email_verified", true);
        return claims;
    }

    /** The claims signed with the provider's key. */
    public static String sign(JwtClaims claims) {
        return sign(claims, KEY);
    }

    /** The claims signed with a key the provider does not publish (same `kid`). */
    public static String signWithOtherKey(JwtClaims claims) {
        return sign(claims, OTHER_KEY);
    }

    /** The claims without any signature: `alg: none`. */
    public static String unsigned(JwtClaims claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + base64.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey generate(String keyId) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(keyId);
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
