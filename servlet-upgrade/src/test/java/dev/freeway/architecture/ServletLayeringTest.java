package dev.freeway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

/**
 * The Servlet layer's place in ARCHITECTURE.md, on the compiled classes of this module and the
 * implementation beneath it: nothing below depends on it, it uses no CDI and not the client,
 * Freeway's packages have no cycles, and the generic, Tomcat, Jetty and Undertow ways of taking over
 * a connection share only {@code dev.freeway.servlet.upgrade}, never each other's classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServletLayeringTest {

    private JavaClasses freeway;

    @BeforeAll
    void importFreeway() {
        freeway = new ClassFileImporter().withImportOption(MainClassesOnly.OPTION)
                .importPackages("dev.freeway");
    }

    @Test
    void nothingBelowTheServletLayerDependsOnIt() {
        noClasses().that().resideInAnyPackage("dev.freeway.engine..", "dev.freeway.container..",
                        "dev.freeway.transport..", "dev.freeway.client..", "dev.freeway.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.freeway.servlet..", "jakarta.servlet..")
                .check(freeway);
    }

    @Test
    void theServletLayerUsesNeitherCdiNorTheClient() {
        noClasses().that().resideInAPackage("dev.freeway.servlet..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.freeway.cdi..", "dev.freeway.client..",
                        "jakarta.enterprise..")
                .because("CDI plugs in through the container's hooks, and the client has its own transport")
                .check(freeway);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.freeway.(*)..").should().beFreeOfCycles().check(freeway);
    }

    @Test
    void noCyclesBetweenTheServletSubPackages() {
        slices().matching("dev.freeway.servlet.(*)..").should().beFreeOfCycles().check(freeway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"generic", "tomcat", "jetty", "undertow"})
    void eachWayOfTakingOverAConnectionStandsAlone(String way) {
        String[] others = Stream.of("generic", "tomcat", "jetty", "undertow").filter(w -> !w.equals(way))
                .map(w -> "dev.freeway.servlet." + w + "..").toArray(String[]::new);
        noClasses().that().resideInAPackage("dev.freeway.servlet." + way + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("each container's way shares only dev.freeway.servlet.upgrade, so one loads without the others")
                .check(freeway);
    }

    @Test
    void theSharedUpgradePartKnowsNoWayOfTakingOver() {
        noClasses().that().resideInAPackage("dev.freeway.servlet.upgrade..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.freeway.servlet",
                        "dev.freeway.servlet.generic..", "dev.freeway.servlet.tomcat..",
                        "dev.freeway.servlet.jetty..", "dev.freeway.servlet.undertow..")
                .check(freeway);
    }
}
