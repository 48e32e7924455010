package io.recopipe.components.deploy;

import java.util.Locale;

/** The life states of a serving revision, named as the registry file spells them. */
public enum RevisionStatus {
  /** Answering on the stable port. */
  SERVING,
  /** Replaced by a newer revision or undeployed. */
  STOPPED,
  /** Died or could not be stopped cleanly. */
  FAILED,
  /** Failed a deploy check; the previous revision was kept. */
  ROLLED_BACK;

  /** The registry spelling, e.g. {@code rolled_back}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RevisionStatus parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
