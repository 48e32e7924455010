package io.recopipe.pipeline.testing;

import io.recopipe.components.api.Component;
import io.recopipe.components.api.ComponentException;
import io.recopipe.components.api.Port;
import io.recopipe.components.api.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A step whose work is a lambda, because a test that needs "a step that writes this" should say
 * only that instead of spelling out every method of {@link Component} again.
 *
 * @param name the component's name (version "1", no inputs, no parameters)
 * @param outputs its output ports
 * @param readsChampion whether it asks for the champion model
 * @param body its work
 */
public record TestStep(String name, List<Port> outputs, boolean readsChampion, Body body)
    implements Component {

  /** The work of a test step. */
  public interface Body {
    /** Runs the step; checked exceptions other than {@link ComponentException} are wrapped. */
    void run(StepContext context) throws Exception;
  }

  /** A step named {@code name} with {@code outputs} that does {@code body}. */
  public static TestStep of(String name, List<Port> outputs, Body body) {
    return new TestStep(name, outputs, false, body);
  }

  /** This step, asking for the champion model. */
  public TestStep readingChampion() {
    return new TestStep(name, outputs, true, body);
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public List<Port> inputs() {
    return List.of();
  }

  @Override
  public void validate(Map<String, String> parameters) {
    // reads no parameters
  }

  @Override
  public void run(StepContext context) throws ComponentException {
    try {
      body.run(context);
    } catch (ComponentException | RuntimeException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new ComponentException(e.getMessage(), e);
    }
  }
}
