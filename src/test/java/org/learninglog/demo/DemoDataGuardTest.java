package org.learninglog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DemoDataGuardTest {

    @Inject
    DemoDataGuard guard;

    @Inject
    DemoRows rows;

    @Test
    void shouldKeepDevModeInASchemaOfItsOwn() throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        String dev = properties.getProperty("%dev.learninglog.schema");
        assertNotNull(dev, "dev mode has no schema of its own");
        assertNotEquals(properties.getProperty("learninglog.schema"), dev);
    }

    @Test
    void shouldRefuseToStartWhileADemoMemberOrTokenExists() {
        assertEquals(List.of(), guard.demoDataPresent());
        guard.refuseDemoData();

        DemoData.Person marta = DemoData.PEOPLE[1];
        var member = rows.register(marta);

        IllegalStateException refused = assertThrows(IllegalStateException.class, guard::refuseDemoData);
        assertTrue(refused.getMessage().contains("member " + marta.email()), refused.getMessage());
        assertTrue(refused.getMessage().contains("token " + marta.token()), refused.getMessage());
        rows.retire(member);
        assertEquals(List.of(), guard.demoDataPresent());
    }
}
