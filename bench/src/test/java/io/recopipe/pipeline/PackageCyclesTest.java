package io.recopipe.pipeline;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of any module depends on itself through others: a cycle is the first step towards
 * modules that cannot be split or understood one at a time. The bench module sits on top of all the
 * others, so its test class path holds every module and this one test sees them all.
 */
class PackageCyclesTest {
  @Test
  void noPackageOfAnyModuleDependsOnItselfThroughOthers() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // in a packaged build the other modules' tests arrive as test jars
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.recopipe");
    // each module by a package only it holds (cli, web and bench keep io.recopipe.pipeline.*)
    for (String module :
        new String[] {
          "model",
          "logging",
          "serving",
          "components",
          "infra",
          "pipeline.runner",
          "pipeline.web",
          "pipeline.cli",
          "pipeline.bench"
        }) {
      assertTrue(
          classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.recopipe." + module)),
          "no class of module " + module + " was imported");
    }
    slices().matching("io.recopipe.(**)").should().beFreeOfCycles().check(classes);
  }
}
