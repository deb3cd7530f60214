package dev.freeway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.freeway.engine.LayeringViolationSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The layering of ARCHITECTURE.md, checked on the compiled classes: the engine is sans-I/O and
 * knows no Jakarta, Servlet, CDI or container; the container knows no Servlet, CDI or client; the
 * write queue is transport-neutral; no package of Freeway depends on another in a cycle, nor do the
 * container's sub-packages among themselves, and none of them reaches up to the server container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LayeringTest {

    static final ArchRule ENGINE_STANDS_ALONE = noClasses().that().resideInAPackage("dev.freeway.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax.servlet..",
                    "dev.freeway.container..", "dev.freeway.client..", "dev.freeway.transport..",
                    "dev.freeway.servlet..", "dev.freeway.cdi..")
            .because("the engine is the sans-I/O frame engine every layer builds on");

    static final ArchRule CONTAINER_KNOWS_NO_SERVLET = noClasses().that().resideInAPackage("dev.freeway.container..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "jakarta.enterprise..",
                    "dev.freeway.servlet..", "dev.freeway.cdi..", "dev.freeway.client..")
            .because("the Jakarta container runs on any transport: Servlet upgrade, the client's NIO, tests");

    static final ArchRule WRITE_QUEUE_IS_TRANSPORT_NEUTRAL = noClasses().that().resideInAPackage("dev.freeway.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "java.nio.channels..",
                    "dev.freeway.servlet..", "dev.freeway.client..")
            .because("every transport shares the one write queue and keeps only how it writes");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.freeway.(*)..").should().beFreeOfCycles();

    static final ArchRule NO_CONTAINER_SUBPACKAGE_CYCLES = slices().matching("dev.freeway.container.(*)..")
            .should().beFreeOfCycles()
            .because("the container's parts are layered: codec, runtime and endpoint at the bottom, then message,"
                    + " send and annotated, then session, then server");

    static final ArchRule CONTAINER_PARTS_DO_NOT_CALL_UP = noClasses().that().resideInAPackage("dev.freeway.container.*..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.freeway.container.FreewayServerContainer")
            .because("the server container assembles its parts; they take what they need as arguments");

    private JavaClasses freeway;

    @BeforeAll
    void importFreeway() {
        freeway = new ClassFileImporter().withImportOption(MainClassesOnly.OPTION)
                .importPackages("dev.freeway");
    }

    @Test
    void theEngineDependsOnNothingAboveIt() {
        ENGINE_STANDS_ALONE.check(freeway);
    }

    @Test
    void theContainerKnowsNoServletCdiOrClient() {
        CONTAINER_KNOWS_NO_SERVLET.check(freeway);
    }

    @Test
    void theWriteQueueKnowsNoTransport() {
        WRITE_QUEUE_IS_TRANSPORT_NEUTRAL.check(freeway);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(freeway);
    }

    @Test
    void noCyclesBetweenTheContainersSubPackages() {
        NO_CONTAINER_SUBPACKAGE_CYCLES.check(freeway);
    }

    @Test
    void theContainersPartsDoNotDependOnTheServerContainer() {
        CONTAINER_PARTS_DO_NOT_CALL_UP.check(freeway);
    }

    @Test
    void aForbiddenImportInTheEngineFailsTheRule() {
        JavaClasses violating = new ClassFileImporter().importClasses(LayeringViolationSample.class);
        assertThatThrownBy(() -> ENGINE_STANDS_ALONE.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LayeringViolationSample")
                .hasMessageContaining("jakarta.websocket.Session");
    }
}
