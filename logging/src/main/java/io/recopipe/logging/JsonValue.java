package io.recopipe.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A key-value pair's value that {@link CloudLoggingEncoder} writes as a JSON object (such as Cloud
 * Logging's {@code httpRequest}) rather than as its {@code toString()}.
 */
public interface JsonValue {
  /** Writes this value (one JSON value) to {@code json}. */
  void writeJson(JsonGenerator json) throws IOException;
}
