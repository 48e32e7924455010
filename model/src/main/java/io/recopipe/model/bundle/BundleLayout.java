package io.recopipe.model.bundle;

import java.util.List;

/** The file names of format version 1, in one place so that writer and reader cannot drift. */
final class BundleLayout {
  static final String MANIFEST = "manifest.json";
  static final String USER_FACTORS = "user_factors.f32";
  static final String ITEM_FACTORS = "item_factors.f32";
  static final String USER_INTERCEPTS = "user_intercepts.f32";
  static final String ITEM_INTERCEPTS = "item_intercepts.f32";
  static final String USER_IDS = "users.ids";
  static final String ITEM_IDS = "items.ids";

  /** Optional: each user's rated item indexes (CSR), so serving can exclude them. */
  static final String RATED_ITEMS = "rated_items.i32";

  /** Every data file a version-1 bundle must have, in the order the manifest lists them. */
  static final List<String> DATA_FILES =
      List.of(USER_IDS, ITEM_IDS, USER_FACTORS, ITEM_FACTORS, USER_INTERCEPTS, ITEM_INTERCEPTS);

  private BundleLayout() {}
}
