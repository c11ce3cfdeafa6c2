package org.learninglog.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

class PublicLinksTest {

    @Test
    void shouldRefuseAPlainHttpBaseUrlInProduction() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PublicLinks.requireHttpsInProduction("http://learninglog.example.org", LaunchMode.NORMAL));
        assertThat(refused.getMessage(), containsString("LEARNINGLOG_PUBLIC_BASE_URL"));
        assertThat(refused.getMessage(), containsString("https"));
    }

    @Test
    void shouldAcceptAnHttpsBaseUrlInProduction() {
        assertDoesNotThrow(() -> PublicLinks.requireHttpsInProduction("https://learninglog.example.org",
                LaunchMode.NORMAL));
        assertDoesNotThrow(() -> PublicLinks.requireHttpsInProduction("HTTPS://learninglog.example.org",
                LaunchMode.NORMAL));
    }

    @Test
    void shouldLetDevAndTestUsePlainHttp() {
        assertDoesNotThrow(() -> PublicLinks.requireHttpsInProduction("http://localhost:8080", LaunchMode.DEVELOPMENT));
        assertDoesNotThrow(() -> PublicLinks.requireHttpsInProduction("http://localhost:8080", LaunchMode.TEST));
    }
}
