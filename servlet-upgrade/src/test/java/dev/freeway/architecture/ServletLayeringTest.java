package dev.freeway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Servlet layer's place in ARCHITECTURE.md, on the compiled classes of this module and the
 * implementation beneath it: nothing below depends on it, it uses no CDI and not the client, and
 * Freeway's packages have no cycles.
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
}
