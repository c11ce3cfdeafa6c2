package org.learninglog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.persistence.Entity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The shape of the code, read from the compiled classes without starting Quarkus. A feature is a package
 * right under {@code org.learninglog} with everything below it, so the generated {@code api.contract} is
 * part of {@code api}.
 */
class ArchitectureTest {

    private static final String ROOT = "org.learninglog";
    private static final String CONTRACT = ROOT + ".api.contract";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** A class that serves HTTP: it implements a generated {@code *Api} interface or carries JAX-RS annotations. */
    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate
            .describe("are resources (or nested in one)", c -> isResource(outermost(c)));

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(PRODUCTION);
    }

    // A resource maps the wire to its own feature's service; another feature's data reaches it through that
    // feature's services and read models, never as an entity it could read any field of (or change).
    @Test
    void resourcesTouchNoEntityOfAnotherFeature() {
        classes().that(RESOURCES)
                .should(touchNoEntityOfAnotherFeature())
                .check(PRODUCTION);
    }

    @Test
    void theRulesSeeTheResources() {
        // Guards against a rule that passes because it matches nothing (a renamed package, a moved contract).
        long resources = PRODUCTION.stream().filter(RESOURCES).count();
        if (resources < 10) {
            throw new AssertionError("Expected the resource classes, found " + resources);
        }
    }

    private static ArchCondition<JavaClass> touchNoEntityOfAnotherFeature() {
        return new ArchCondition<>("touch no @Entity of another feature") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (Dependency dependency : resource.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (target.isAnnotatedWith(Entity.class) && !feature(target).equals(feature(resource))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isResource(JavaClass type) {
        if (type.isInterface()) {
            return false;
        }
        boolean implementsContract = type.getAllRawInterfaces().stream()
                .anyMatch(i -> i.getPackageName().equals(CONTRACT) && i.getSimpleName().endsWith("Api"));
        boolean jaxRs = type.isMetaAnnotatedWith(Path.class) || type.getMethods().stream()
                .anyMatch(m -> m.isAnnotatedWith(Path.class) || m.isMetaAnnotatedWith(HttpMethod.class));
        return implementsContract || jaxRs;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** The package right under the root: {@code entry} for {@code org.learninglog.entry.Entry}. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return name;
        }
        String below = name.substring(ROOT.length() + 1);
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }
}
