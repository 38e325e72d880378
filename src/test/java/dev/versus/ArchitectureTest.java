package dev.versus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.versus.load.PlantedUpwardImport;
import dev.versus.model.LabelKey;
import dev.versus.model.Labels;
import dev.versus.render.views.PlantedLabelRead;
import dev.versus.validate.RequiredLabels;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages and the directions in which they may depend on each other, as the table in
 * {@code docs/ARCHITECTURE.md} states them: each package may use only the ones listed for it
 * (all of them earlier in the pipeline, or beside it), and no two packages use each other,
 * directly or around a loop.
 */
class ArchitectureTest {
    private static JavaClasses versus;

    @BeforeAll
    static void importMainClasses() {
        versus = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.versus");
    }

    /** The allowed directions; the same list as docs/ARCHITECTURE.md ("Allowed directions"). */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("diagnostics").definedBy("dev.versus.diagnostics..")
                .layer("model").definedBy("dev.versus.model..")
                .layer("load").definedBy("dev.versus.load..")
                .layer("validate").definedBy("dev.versus.validate..")
                .layer("compare").definedBy("dev.versus.compare..")
                .layer("render.site").definedBy("dev.versus.render.site..")
                .layer("render.prose").definedBy("dev.versus.render.prose..")
                .layer("render.templates").definedBy("dev.versus.render.templates..")
                .layer("render.views").definedBy("dev.versus.render.views..")
                .layer("render.data").definedBy("dev.versus.render.data..")
                .layer("publish").definedBy("dev.versus.publish..")
                .layer("i18n").definedBy("dev.versus.i18n..")
                .layer("build").definedBy("dev.versus")
                .layer("serve").definedBy("dev.versus.serve..")
                .layer("cli").definedBy("dev.versus.cli..")

                .whereLayer("diagnostics").mayNotAccessAnyLayer()
                .whereLayer("model").mayOnlyAccessLayers("diagnostics")
                .whereLayer("load").mayOnlyAccessLayers("diagnostics")
                .whereLayer("validate").mayOnlyAccessLayers("diagnostics", "model", "load")
                .whereLayer("compare").mayOnlyAccessLayers("diagnostics", "model")
                .whereLayer("render.site").mayOnlyAccessLayers("diagnostics", "model")
                .whereLayer("render.prose").mayOnlyAccessLayers("diagnostics", "model", "render.site")
                .whereLayer("render.templates").mayOnlyAccessLayers("render.site")
                .whereLayer("render.views").mayOnlyAccessLayers("diagnostics", "model", "compare", "render.site",
                        "render.prose", "render.templates")
                .whereLayer("render.data").mayOnlyAccessLayers("diagnostics", "model", "render.site", "render.prose",
                        "render.templates")
                .whereLayer("publish").mayOnlyAccessLayers("diagnostics", "render.site")
                .whereLayer("i18n").mayOnlyAccessLayers("diagnostics", "model", "load", "validate", "render.data")
                .whereLayer("build").mayOnlyAccessLayers("diagnostics", "model", "load", "validate", "render.site",
                        "render.templates", "render.views", "render.data", "publish")
                .whereLayer("serve").mayOnlyAccessLayers("diagnostics", "model", "load", "validate", "render.site",
                        "render.prose", "render.templates", "render.views", "render.data", "build")
                .whereLayer("cli").mayOnlyAccessLayers("diagnostics", "model", "load", "validate", "render.site",
                        "render.templates", "render.views", "publish", "i18n", "build", "serve");
    }

    static ArchRule noCycles() {
        return slices().matching("dev.versus.(**)").should().beFreeOfCycles();
    }

    /**
     * Labels are read by key only in {@code model} and {@code validate}; everywhere else through a
     * {@link LabelKey} constant, the list {@code check} requires of every locale, so no page can
     * ask for a label that {@code check} did not require.
     */
    static ArchRule labelsByDeclaredKeys() {
        return noClasses().that().resideOutsideOfPackages("dev.versus.model..", "dev.versus.validate..")
                .should().callMethod(Labels.class, "get", String.class)
                .orShould().callMethod(Labels.class, "format", String.class, Map.class)
                .orShould().callMethod(Labels.class, "has", String.class)
                .because("a label the Java side reads is a LabelKey constant, which check requires of every locale");
    }

    @Test
    void javaReadsOnlyLabelsThatCheckRequires() {
        labelsByDeclaredKeys().check(versus);
        assertThat(RequiredLabels.keys()).as("every declared key is required")
                .containsAll(Arrays.stream(LabelKey.values()).map(LabelKey::key).toList());
        Arrays.stream(LabelKey.values()).forEach(k -> assertThat(RequiredLabels.placeholders(k.key()))
                .as("placeholders of %s", k).isEqualTo(k.placeholders()));
    }

    @Test
    void theLabelRuleSeesAKeyReadByString() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedLabelRead.class, Labels.class);
        assertThatThrownBy(() -> labelsByDeclaredKeys().check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedLabelRead");
    }

    @Test
    void everyPackageUsesOnlyThePackagesItIsAllowedTo() {
        layers().check(versus);
    }

    @Test
    void noPackagesDependOnEachOtherInALoop() {
        noCycles().check(versus);
    }

    @Test
    void theRulesSeeAnImportThatRunsUpThePipeline() {
        // A class of load that uses a renderer: the rule above must fail on it (it lives with
        // the tests, so that the main classes stay clean).
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedUpwardImport.class,
                dev.versus.render.site.SitePaths.class);
        assertThatThrownBy(() -> layers().check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedUpwardImport").hasMessageContaining("SitePaths");
        assertThat(versus.contain(PlantedUpwardImport.class)).as("test classes are not checked").isFalse();
    }
}
