package io.recopipe.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's modules depend downwards only (runtime, then web, then cli, then bench), and the
 * modules below them know none of them: the poms allow this today, this test keeps it so when a pom
 * gains a dependency, since cli, web and bench share the runtime's package prefix.
 */
class ModuleLayersTest {
  private static final String[] WEB = {
    "io.recopipe.pipeline.web..", "io.recopipe.pipeline.insight.."
  };
  private static final String CLI = "io.recopipe.pipeline.cli..";
  private static final String BENCH = "io.recopipe.pipeline.bench..";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.recopipe");

  @Test
  void theRuntimeUsesNeitherWebNorCliNorBench() {
    noClasses()
        .that()
        .resideInAPackage("io.recopipe.pipeline..")
        .and()
        .resideOutsideOfPackages(WEB[0], WEB[1], CLI, BENCH)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WEB[0], WEB[1], CLI, BENCH)
        .check(CLASSES);
  }

  @Test
  void theWebUsesNeitherCliNorBench() {
    noClasses()
        .that()
        .resideInAnyPackage(WEB)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CLI, BENCH)
        .check(CLASSES);
  }

  @Test
  void onlyTheBenchmarkCommandsUseTheBenchmarks() {
    noClasses()
        .that()
        .resideInAPackage(CLI)
        .and()
        .haveSimpleNameNotStartingWith("Bench")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BENCH)
        .check(CLASSES);
  }

  @Test
  void lowerModulesUseNoPipelineModule() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.recopipe.model..",
            "io.recopipe.logging..",
            "io.recopipe.serving..",
            "io.recopipe.components..",
            "io.recopipe.infra..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.recopipe.pipeline..")
        .check(CLASSES);
  }
}
