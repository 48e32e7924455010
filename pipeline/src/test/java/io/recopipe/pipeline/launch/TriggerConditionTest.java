package io.recopipe.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trigger conditions exactly as KFP's compiler writes them, copied from kubeflow/pipelines @
 * 7b70c7b95f6832772efd6fd0029a4024491a0f44 (file and line on each test), evaluated with cel-go's
 * semantics over typed parameter values.
 */
class TriggerConditionTest {
  private static boolean test(String condition, String name, JsonNode value) {
    return TriggerCondition.parse(condition).test(Map.of(name, value));
  }

  /** test_data/sdk_compiled_pipelines/valid/essential/pipeline_with_condition.yaml:247. */
  @Test
  void stringEquality() {
    String condition = "inputs.parameter_values['pipelinechannel--flip-coin-op-Output'] == 'heads'";
    String channel = "pipelinechannel--flip-coin-op-Output";
    assertTrue(test(condition, channel, TextNode.valueOf("heads")));
    assertFalse(test(condition, channel, TextNode.valueOf("tails")));
  }

  /** test_data/sdk_compiled_pipelines/valid/critical/flip_coin.yaml:24 (YAML folds the line). */
  @Test
  void integerChannelsAreConvertedWithInt() {
    String condition = "int(inputs.parameter_values['pipelinechannel--random-num-Output']) > 5";
    String channel = "pipelinechannel--random-num-Output";
    assertTrue(test(condition, channel, DoubleNode.valueOf(7.0)));
    assertFalse(test(condition, channel, DoubleNode.valueOf(5.0)));
  }

  /** test_data/sdk_compiled_pipelines/valid/if_elif_else_complex.yaml:85, a BOOLEAN channel. */
  @Test
  void booleanChannel() {
    String condition = "inputs.parameter_values['pipelinechannel--repeat_if_lucky_number'] == true";
    String channel = "pipelinechannel--repeat_if_lucky_number";
    assertTrue(test(condition, channel, BooleanNode.TRUE));
    assertFalse(test(condition, channel, BooleanNode.FALSE));
    // a STRING "true" is another type: unequal, as in cel-go's heterogeneous equality
    assertFalse(test(condition, channel, TextNode.valueOf("true")));
  }

  /** sdk/python/kfp/compiler/compiler_test.py:5202 and :5234, dsl.Elif's negated conjunctions. */
  @Test
  void elifNegatesTheEarlierBranches() {
    String die = "pipelinechannel--roll-three-sided-die-Output";
    String elif =
        "!(inputs.parameter_values['"
            + die
            + "'] == 'heads') && inputs.parameter_values['"
            + die
            + "'] == 'tails'";
    assertTrue(test(elif, die, TextNode.valueOf("tails")));
    assertFalse(test(elif, die, TextNode.valueOf("heads")));
    assertFalse(test(elif, die, TextNode.valueOf("draw")));
    String n = "pipelinechannel--int-zero-through-three-Output";
    String second =
        "!(int(inputs.parameter_values['"
            + n
            + "']) == 0) && int(inputs.parameter_values['"
            + n
            + "']) == 1";
    assertTrue(test(second, n, DoubleNode.valueOf(1)));
    assertFalse(test(second, n, DoubleNode.valueOf(0)));
  }

  @Test
  void numbersCompareAcrossIntAndDouble() {
    String channel = "x";
    assertTrue(test("inputs.parameter_values['x'] == 2", channel, DoubleNode.valueOf(2.0)));
    assertTrue(test("double(inputs.parameter_values['x']) >= 1.5", channel, DoubleNode.valueOf(2)));
    assertTrue(test("int(inputs.parameter_values['x']) == 2", channel, DoubleNode.valueOf(2.9)));
    assertTrue(
        test(
            "inputs.parameter_values['x'] < 0 || inputs.parameter_values['x'] > 1",
            channel,
            DoubleNode.valueOf(3)));
  }

  @Test
  void errorsNameTheProblem() {
    assertEquals(
        "no such key: y",
        assertThrows(
                IllegalArgumentException.class,
                () -> test("inputs.parameter_values['y'] == 1", "x", DoubleNode.valueOf(1)))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> test("inputs.parameter_values['x'] < 'a'", "x", DoubleNode.valueOf(1)));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> TriggerCondition.parse("a == 1"))
            .getMessage()
            .contains("unknown name 'a'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> TriggerCondition.parse("inputs.parameter_values['x'] == "))
            .getMessage()
            .contains("at character"));
    assertThrows(
        IllegalArgumentException.class,
        () -> test("inputs.parameter_values['x']", "x", TextNode.valueOf("s")));
  }
}
