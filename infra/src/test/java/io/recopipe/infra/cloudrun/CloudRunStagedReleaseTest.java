package io.recopipe.infra.cloudrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.run.v2.ServicesClient;
import io.recopipe.components.api.RolledBackException;
import io.recopipe.components.deploy.DeployRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two halves a Vertex job uses so that traffic moves last: {@code stage} creates the revision
 * and waits for it with all traffic where it was (a canary checked on its tag at 0 %), {@code
 * release} moves all traffic to it and remembers the previous revision; the exact calls on the real
 * client against {@link FakeCloudRun}.
 */
class CloudRunStagedReleaseTest {
  private static final String V1 = "0123456789ab";
  private static final String V2 = "ba9876543210";
  private static final String R1 = "recs-m-" + V1 + "-1";
  private static final String R2 = "recs-m-" + V2 + "-1";
  private static final String IMAGE =
      "europe-west1-docker.pkg.dev/my-project/repo/recopipe@sha256:";

  private final FakeCloudRun fake = new FakeCloudRun();
  private final List<String> checked = new ArrayList<>();
  private ServicesClient client;

  @BeforeEach
  void start() throws Exception {
    client = fake.client();
    target(CanaryCheck.READY_IS_ENOUGH).deploy(request(V1, 0));
    fake.calls.clear();
  }

  @AfterEach
  void stop() throws InterruptedException {
    assertEquals(List.of(), fake.violations, "requests the published proto does not allow");
    fake.close();
  }

  private CloudRunDeployTarget target(CanaryCheck check) {
    return new CloudRunDeployTarget(
        client,
        "my-project",
        "europe-west1",
        "recs",
        "sa@x.iam.gserviceaccount.com",
        List.of(),
        check);
  }

  private static DeployRequest request(String version, int canary) {
    return new DeployRequest(IMAGE + version, version, "run-2", "recommender_model", canary);
  }

  @Test
  void stageLeavesTrafficWhereItWasAndReleaseMovesItOnce() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    Map<String, Object> staged = target.stage(request(V2, 0));

    assertEquals(false, staged.get("traffic_moved"));
    assertEquals(
        List.of("GetService", "GetIamPolicy", "UpdateService " + R2 + " [" + R1 + "=100]"),
        fake.calls);
    assertFalse(
        fake.services
            .get(service())
            .getAnnotationsMap()
            .containsKey(CloudRunDeployTarget.PREVIOUS_ANNOTATION),
        "nothing to roll back to before traffic moved");

    fake.calls.clear();
    Optional<Map<String, Object>> released = target.release(V2, IMAGE + V2);
    assertTrue(released.isPresent());
    assertEquals(R1, released.get().get("previous_revision"));
    assertEquals(List.of("GetService", "UpdateService " + R2 + " [" + R2 + "=100]"), fake.calls);
    assertEquals(
        R1,
        fake.services
            .get(service())
            .getAnnotationsMap()
            .get(CloudRunDeployTarget.PREVIOUS_ANNOTATION));

    fake.calls.clear();
    assertTrue(target.release(V2, IMAGE + V2).isPresent());
    assertEquals(List.of("GetService"), fake.calls, "a retried release changes nothing");
  }

  @Test
  void releaseOfAModelNothingStagedIsEmpty() throws Exception {
    assertEquals(Optional.empty(), target(CanaryCheck.READY_IS_ENOUGH).release(V2, IMAGE + V2));
    assertEquals(List.of("GetService"), fake.calls);
  }

  @Test
  void aCanaryIsCheckedOnItsTagWithNoTrafficAndAFailedCheckRemovesTheTag() throws Exception {
    CloudRunDeployTarget target =
        target(
            (uri, revision, tag) -> {
              checked.add(revision + " " + tag);
              return "HTTP 500 from the smoke request";
            });
    RolledBackException e =
        assertThrows(RolledBackException.class, () -> target.stage(request(V2, 10)));
    assertTrue(e.getMessage().contains("no traffic moved"), e.getMessage());
    assertEquals(List.of(R2 + " https://canary---recs-abc123-ew.a.run.app"), checked);
    assertEquals(
        List.of(
            "GetService",
            "GetIamPolicy",
            "UpdateService " + R2 + " [" + R1 + "=100]",
            "UpdateService " + R2 + " [" + R2 + "=0#canary, " + R1 + "=100]",
            "UpdateService " + R2 + " [" + R1 + "=100]"),
        fake.calls);
  }

  private static String service() {
    return "projects/my-project/locations/europe-west1/services/recs";
  }
}
