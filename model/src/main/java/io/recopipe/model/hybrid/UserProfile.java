package io.recopipe.model.hybrid;

/**
 * What a MovieLens users file says about one user, the only thing a hybrid model knows about a user
 * matrix factorization has never seen (cold start).
 *
 * @param gender {@code M} or {@code F} (anything else is encoded as "other")
 * @param age age in years (100K) or the 1M age-group code (1, 18, 25, 35, 45, 50, 56); 0 or less
 *     when unknown
 * @param occupation the occupation name
 * @param zip the zip code as written; its first digit is the region feature
 */
public record UserProfile(String gender, int age, String occupation, String zip) {
  /** Age buckets, aligned with MovieLens 1M's age groups so both releases share them. */
  static final int[] AGE_BUCKET_STARTS = {0, 18, 25, 35, 45, 50, 56};

  /** The age bucket index in {@code 0..6}, or -1 when the age is unknown. */
  int ageBucket() {
    if (age <= 0) {
      return -1;
    }
    int bucket = 0;
    for (int b = 0; b < AGE_BUCKET_STARTS.length; b++) {
      if (age >= AGE_BUCKET_STARTS[b]) {
        bucket = b;
      }
    }
    return bucket;
  }

  /** The first digit of the zip code, or -1 when it does not start with one. */
  int zipDigit() {
    if (zip == null || zip.isEmpty() || !Character.isDigit(zip.charAt(0))) {
      return -1;
    }
    return zip.charAt(0) - '0';
  }
}
