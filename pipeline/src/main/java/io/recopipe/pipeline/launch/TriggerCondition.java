package io.recopipe.pipeline.launch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A {@code triggerPolicy.condition}: the CEL expressions KFP's compiler writes for {@code dsl.If},
 * {@code dsl.Elif} and {@code dsl.Else} ({@code pipeline_spec_builder._binary_operation_to_cel}),
 * evaluated over the task's input parameter values as KFP's driver does with cel-go: operands
 * {@code inputs.parameter_values['NAME']}, string, number and boolean literals, the conversions
 * {@code int()}, {@code double()} and {@code string()}, the comparisons, {@code !}, {@code &&},
 * {@code ||} and parentheses. Numbers compare across int and double by value and values of other
 * different types are unequal (cel-go's heterogeneous equality); ordering them is an error.
 */
final class TriggerCondition {
  private final String source;
  private final ConditionParser.Expr expression;

  private TriggerCondition(String source, ConditionParser.Expr expression) {
    this.source = source;
    this.expression = expression;
  }

  /**
   * Parses {@code source}.
   *
   * @throws IllegalArgumentException naming the position and what was expected
   */
  static TriggerCondition parse(String source) {
    return new TriggerCondition(source, new ConditionParser(source).parse());
  }

  /** The expression as written. */
  String source() {
    return source;
  }

  /**
   * Whether the task runs, given its resolved input parameter values.
   *
   * @throws IllegalArgumentException when the expression does not evaluate to a boolean
   */
  boolean test(Map<String, JsonNode> parameterValues) {
    Object result = expression.eval(parameterValues);
    if (result instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(
        "condition " + source + ": return type is not bool, got " + result);
  }
}
