package dev.freeway.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;

/**
 * Imports Freeway's main classes only: neither a module's own test classes nor the test-jars other
 * modules depend on (impl's, which holds test servers and the transport contract suite), which
 * ArchUnit's {@code DO_NOT_INCLUDE_TESTS} lets through once Maven hands them over as jars.
 */
public final class MainClassesOnly {
    private static final Pattern TEST_CODE = Pattern.compile(".*(/test-classes/|-tests\\.jar!?/).*");

    /** The option for {@code ClassFileImporter.withImportOption}. */
    public static final ImportOption OPTION = location -> !location.matches(TEST_CODE);

    private MainClassesOnly() {
    }
}
