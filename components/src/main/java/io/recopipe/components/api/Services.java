package io.recopipe.components.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The backends a profile installs for steps to use (the BigQuery ML training engine, an image
 * registry, Cloud Run), looked up by type, so components stay free of cloud SDKs and the local
 * profile simply installs none.
 */
public final class Services {
  private static final Services NONE = new Services(Map.of());

  private final Map<Class<?>, Object> byType;

  private Services(Map<Class<?>, Object> byType) {
    this.byType = Map.copyOf(byType);
  }

  /** No services: every step uses its local default. */
  public static Services none() {
    return NONE;
  }

  /** These services plus {@code service} as the {@code type} backend. */
  public <T> Services with(Class<T> type, T service) {
    Map<Class<?>, Object> more = new LinkedHashMap<>(byType);
    more.put(type, type.cast(service));
    return new Services(more);
  }

  /** The {@code type} backend, when the profile installed one. */
  public <T> Optional<T> get(Class<T> type) {
    return Optional.ofNullable(byType.get(type)).map(type::cast);
  }

  @Override
  public String toString() {
    return byType.keySet().stream().map(Class::getSimpleName).toList().toString();
  }
}
