package io.recopipe.components.validation;

import io.recopipe.components.dataset.IdKind;
import io.recopipe.model.als.FeedbackType;
import io.recopipe.model.bundle.BundleManifest;
import io.recopipe.model.bundle.ModelBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client of the serving endpoint depends on that the model decides: the score field ({@code
 * predicted_rating} for explicit models, {@code predicted_rating_confidence} for implicit ones),
 * whether user and item ids are integers or strings, and the id column names the metadata endpoint
 * reports. A candidate that changes any of these must not replace the champion without a reviewer.
 *
 * @param fields field name → value, in a fixed order
 */
public record ResponseContract(Map<String, String> fields) {
  /** The score field of the predict response. */
  public static final String SCORE_FIELD = "score_field";

  /** The kind of user ids. */
  public static final String USER_ID_KIND = "user_id_kind";

  /** The kind of item ids. */
  public static final String ITEM_ID_KIND = "item_id_kind";

  /** The user id column name. */
  public static final String USER_COLUMN = "user_column";

  /** The item id column name. */
  public static final String ITEM_COLUMN = "item_column";

  /** The explicit models' score field, as serving writes it. */
  static final String RATING = "predicted_rating";

  /** The implicit models' score field, as serving writes it. */
  static final String CONFIDENCE = "predicted_rating_confidence";

  /** Copies the fields. */
  public ResponseContract {
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The contract {@code bundle} would serve. */
  public static ResponseContract of(ModelBundle bundle) {
    BundleManifest manifest = bundle.manifest();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(
        SCORE_FIELD,
        FeedbackType.IMPLICIT.name().equals(manifest.feedbackType()) ? CONFIDENCE : RATING);
    fields.put(USER_ID_KIND, IdKind.of(bundle.model().users()).jsonName());
    fields.put(ITEM_ID_KIND, IdKind.of(bundle.model().items()).jsonName());
    fields.put(USER_COLUMN, manifest.userColumn());
    fields.put(ITEM_COLUMN, manifest.itemColumn());
    return new ResponseContract(fields);
  }

  /** Every field whose value differs from {@code champion}'s, in field order. */
  public List<ContractChange> changesFrom(ResponseContract champion) {
    List<ContractChange> changes = new ArrayList<>();
    fields.forEach(
        (field, value) -> {
          String theirs = champion.fields.get(field);
          if (!value.equals(theirs)) {
            changes.add(new ContractChange(field, String.valueOf(theirs), value));
          }
        });
    return changes;
  }
}
