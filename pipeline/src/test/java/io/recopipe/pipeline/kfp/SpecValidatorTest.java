package io.recopipe.pipeline.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One deliberately broken spec per rule, each giving exactly its one-line problem. */
class SpecValidatorTest {
  private final ObjectNode spec = KfpCompilerTest.shippedSpec();

  private ObjectNode rootTask(String name) {
    return SpecTasks.task(spec, name);
  }

  private ObjectNode conditionTask(String name) {
    return (ObjectNode)
        spec.path("components").path("comp-condition-1").path("dag").path("tasks").path(name);
  }

  @Test
  void componentRefMustNameAComponent() {
    ((ObjectNode) rootTask("train").path("componentRef")).put("name", "comp-trian");
    assertEquals(
        List.of("comp-exit-handler-1 task train: componentRef comp-trian names no component"),
        SpecValidator.problems(spec));
  }

  @Test
  void executorLabelMustNameAnExecutor() {
    ((ObjectNode) spec.path("deploymentSpec").path("executors")).remove("exec-evaluate");
    assertEquals(
        List.of("comp-evaluate: executorLabel exec-evaluate names no executor"),
        SpecValidator.problems(spec));
  }

  @Test
  void dependentTaskMustBeInTheSameDag() {
    conditionTask("package").putArray("dependentTasks").add("export").add("gate");
    assertEquals(
        List.of("comp-condition-1 task package: dependent task gate is not in the DAG"),
        SpecValidator.problems(spec));
  }

  @Test
  void producerTaskMustExist() {
    ((ObjectNode)
            rootTask("gate")
                .path("inputs")
                .path("artifacts")
                .path("metrics")
                .path("taskOutputArtifact"))
        .put("producerTask", "evaluation");
    assertEquals(
        List.of(
            "comp-exit-handler-1 task gate: input metrics comes from task evaluation, which is "
                + "not in the DAG"),
        SpecValidator.problems(spec));
  }

  @Test
  void producerMustDeclareTheOutput() {
    ((ObjectNode)
            rootTask("condition-1")
                .path("inputs")
                .path("parameters")
                .path("pipelinechannel--gate-blessed")
                .path("taskOutputParameter"))
        .put("outputParameterKey", "approved");
    assertEquals(
        List.of(
            "comp-exit-handler-1 task condition-1: input pipelinechannel--gate-blessed reads "
                + "gate.approved, which comp-gate does not output"),
        SpecValidator.problems(spec));
  }

  @Test
  void componentInputParameterMustBeDeclaredByTheEnclosingComponent() {
    ((ObjectNode) conditionTask("export").path("inputs").path("parameters").path("top_n"))
        .put("componentInputParameter", "export__top_n");
    assertEquals(
        List.of(
            "comp-condition-1 task export: input top_n reads export__top_n, which "
                + "comp-condition-1 does not declare"),
        SpecValidator.problems(spec));
  }

  @Test
  void taskInputsMustBeDeclaredByTheirComponent() {
    ((ObjectNode) rootTask("train").path("inputs").path("parameters"))
        .putObject("metod")
        .put("componentInputParameter", "pipelinechannel--train__method");
    assertEquals(
        List.of("comp-exit-handler-1 task train: input metod is not declared by comp-train"),
        SpecValidator.problems(spec));
  }

  @Test
  void conditionMustReadAnInputOfItsTask() {
    ((ObjectNode) rootTask("condition-1").path("triggerPolicy"))
        .put("condition", "inputs.parameter_values['pipelinechannel--gate-decision'] == true");
    assertEquals(
        List.of(
            "comp-exit-handler-1 task condition-1: condition reads pipelinechannel--gate-decision,"
                + " not an input of the task"),
        SpecValidator.problems(spec));
  }

  @Test
  void deployMustRunUnderTheGatesBlessedOutput() {
    ((ObjectNode)
            rootTask("condition-1")
                .path("inputs")
                .path("parameters")
                .path("pipelinechannel--gate-blessed")
                .path("taskOutputParameter"))
        .put("producerTask", "evaluate");
    List<String> problems = SpecValidator.problems(spec, "deploy", "gate");
    assertEquals(
        "task deploy is not inside a condition on gate's blessed output",
        problems.get(problems.size() - 1));
  }

  @Test
  void deployInTheRootDagIsReported() {
    // deploy sits in condition-3 (review_required == false), nested in the blessed condition-1
    ObjectNode tasks =
        (ObjectNode) spec.path("components").path("comp-condition-3").path("dag").path("tasks");
    ObjectNode deploy = tasks.path("deploy").deepCopy();
    tasks.remove("deploy");
    ((ObjectNode) spec.path("root").path("dag").path("tasks")).set("deploy", deploy);
    List<String> problems = SpecValidator.problems(spec, "deploy", "gate");
    assertEquals(
        "task deploy is not inside a condition on gate's blessed output",
        problems.get(problems.size() - 1));
  }
}
