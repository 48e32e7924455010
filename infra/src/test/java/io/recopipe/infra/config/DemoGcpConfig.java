package io.recopipe.infra.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The one gcp configuration the fakes' clients and their tests share (project {@code recopipe-demo}
 * in {@code europe-west1}), so the resource names a test expects are written against one place.
 */
public final class DemoGcpConfig {
  private DemoGcpConfig() {}

  /** The demo project's configuration. */
  public static GcpConfig config() {
    return GcpConfig.from(parameters(), "test");
  }

  /** The demo project's {@code gcp.*} keys, in a new map a test may add to or change. */
  public static Map<String, String> parameters() {
    Map<String, String> p = new HashMap<>();
    p.put("gcp.project", "recopipe-demo");
    p.put("gcp.region", "europe-west1");
    p.put("gcp.dataset", "recopipe");
    p.put("gcp.bucket", "recopipe-demo-artifacts");
    p.put("gcp.repository", "recopipe");
    p.put("gcp.service", "recommender");
    p.put("gcp.pipeline_service_account", "pipeline@recopipe-demo.iam.gserviceaccount.com");
    p.put("gcp.serving_service_account", "serving@recopipe-demo.iam.gserviceaccount.com");
    return p;
  }
}
