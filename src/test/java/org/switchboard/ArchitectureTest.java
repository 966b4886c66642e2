package org.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;

/** The packages' layering, as docs/architecture.md ("Layers") describes it. */
@AnalyzeClasses(
        packages = "org.switchboard",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String ROOT = "org.switchboard.";

    /**
     * The levels, from the top. A package uses only packages of the levels below its own, never one beside it: two
     * features of one level stay apart, and a feature that comes to need another moves below it on purpose.
     */
    private static final List<List<String>> LEVELS = List.of(
            List.of("dashboard"),
            List.of("sms", "call"),
            List.of("contact", "webhook", "phone"),
            List.of("security"),
            List.of("audit"),
            List.of("platform"),
            List.of("i18n"));

    @ArchTest
    static final ArchRule eachPackageUsesOnlyTheLevelsBelowIt = layering();

    @ArchTest
    static final ArchRule packagesDependOnEachOtherWithoutCycles =
            slices().matching(ROOT + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyPackageHasItsLevel = classes()
            .should()
            .resideInAnyPackage(LEVELS.stream()
                    .flatMap(List::stream)
                    .map(p -> ROOT + p + "..")
                    .toArray(String[]::new))
            .because("a new package is placed in a level of ArchitectureTest.LEVELS and docs/architecture.md");

    private static LayeredArchitecture layering() {
        LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String name : LEVELS.stream().flatMap(List::stream).toList()) {
            layers = layers.layer(name).definedBy(ROOT + name + "..");
        }
        List<String> above = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String name : level) {
                layers = above.isEmpty()
                        ? layers.whereLayer(name).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(name).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.addAll(level);
        }
        return layers;
    }
}
