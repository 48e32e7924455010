package io.recopipe.serving.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a TF Serving–style predict body, {@code {"instances": [{"user_id": …, "k": …,
 * "exclude_rated": …, "item_ids": […]}]}}, with Jackson's streaming parser straight into {@link
 * PredictInstance}s (no tree), refusing anything malformed with a 400 that says what.
 */
public final class PredictRequestParser {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
          .build();
  private final int maxInstances;

  /** Creates a parser accepting at most {@code maxInstances} instances per request. */
  public PredictRequestParser(int maxInstances) {
    this.maxInstances = maxInstances;
  }

  /** Parses {@code body}. */
  public List<PredictInstance> parse(byte[] body) {
    return parse(body, body.length);
  }

  /** Parses the first {@code length} bytes of {@code body}. */
  public List<PredictInstance> parse(byte[] body, int length) {
    try (JsonParser json = FACTORY.createParser(body, 0, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw ApiException.badRequest("the body must be a JSON object with \"instances\"");
      }
      List<PredictInstance> instances = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("instances")) {
          instances = instances(json, value);
        } else {
          json.skipChildren();
        }
      }
      if (json.nextToken() != null) {
        throw ApiException.badRequest("malformed JSON: content after the top-level object");
      }
      if (instances == null) {
        throw ApiException.badRequest("missing \"instances\"");
      }
      return instances;
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  private List<PredictInstance> instances(JsonParser json, JsonToken start) throws IOException {
    if (start != JsonToken.START_ARRAY) {
      throw ApiException.badRequest("\"instances\" must be an array");
    }
    List<PredictInstance> instances = new ArrayList<>();
    while (json.nextToken() != JsonToken.END_ARRAY) {
      if (instances.size() == maxInstances) {
        throw ApiException.badRequest(
            "too many instances: at most " + maxInstances + " per request");
      }
      instances.add(instance(json, instances.size()));
    }
    if (instances.isEmpty()) {
      throw ApiException.badRequest("\"instances\" is empty");
    }
    return instances;
  }

  private static PredictInstance instance(JsonParser json, int index) throws IOException {
    String where = "instances[" + index + "]";
    if (json.currentToken() != JsonToken.START_OBJECT) {
      throw ApiException.badRequest(where + " must be an object with \"user_id\"");
    }
    String user = null;
    int k = PredictInstance.DEFAULT_K;
    boolean exclude = true;
    List<String> itemIds = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "user_id" -> user = id(json, value, where + ".user_id");
        case "k" -> k = k(json, value, where);
        case "exclude_rated" -> {
          if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw ApiException.badRequest(where + ".exclude_rated must be true or false");
          }
          exclude = value == JsonToken.VALUE_TRUE;
        }
        case "item_ids" -> itemIds = itemIds(json, value, where + ".item_ids");
        default -> json.skipChildren();
      }
    }
    if (user == null) {
      throw ApiException.badRequest(where + " is missing \"user_id\"");
    }
    return new PredictInstance(user, k, exclude, itemIds);
  }

  private static int k(JsonParser json, JsonToken value, String where) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT) {
      throw ApiException.badRequest(where + ".k must be an integer 1.." + PredictInstance.MAX_K);
    }
    long k = json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : json.getLongValue();
    if (k < 1 || k > PredictInstance.MAX_K) {
      throw ApiException.badRequest(
          where + ".k must be 1.." + PredictInstance.MAX_K + ", was " + json.getText());
    }
    return (int) k;
  }

  private static List<String> itemIds(JsonParser json, JsonToken value, String where)
      throws IOException {
    if (value != JsonToken.START_ARRAY) {
      throw ApiException.badRequest(where + " must be an array of ids");
    }
    List<String> ids = new ArrayList<>();
    for (JsonToken token = json.nextToken();
        token != JsonToken.END_ARRAY;
        token = json.nextToken()) {
      if (ids.size() == PredictInstance.MAX_ITEM_IDS) {
        throw ApiException.badRequest(
            where + " lists more than " + PredictInstance.MAX_ITEM_IDS + " ids");
      }
      ids.add(id(json, token, where + "[" + ids.size() + "]"));
    }
    return ids;
  }

  /** An id: a string as is, an integer in decimal; anything else is refused. */
  private static String id(JsonParser json, JsonToken value, String where) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return json.getText();
    }
    if (value == JsonToken.VALUE_NUMBER_INT) {
      return json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? json.getBigIntegerValue().toString()
          : Long.toString(json.getLongValue());
    }
    throw ApiException.badRequest(where + " must be a string or an integer");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
