package io.recopipe.infra.cloudrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.api.ComponentException;
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
  private CloudRunClients client;

  @BeforeEach
  void start() throws Exception {
    client = fake.clients();
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
    assertEquals(
        List.of("GetService", "ListRevisions", "UpdateService " + R2 + " [" + R2 + "=100]"),
        fake.calls);
    assertEquals(
        R1,
        fake.services
            .get(service())
            .getAnnotationsMap()
            .get(CloudRunDeployTarget.PREVIOUS_ANNOTATION));

    fake.calls.clear();
    assertTrue(target.release(V2, IMAGE + V2).isPresent());
    assertEquals(
        List.of("GetService", "ListRevisions"), fake.calls, "a retried release changes nothing");
  }

  @Test
  void releaseOfAModelNothingStagedIsEmpty() throws Exception {
    assertEquals(Optional.empty(), target(CanaryCheck.READY_IS_ENOUGH).release(V2, IMAGE + V2));
    assertEquals(List.of("GetService", "ListRevisions"), fake.calls);
  }

  /**
   * Two jobs overlap: each stages its revision before either commits. Each release finds its own
   * revision by name although the service's latest template is the other job's, so both serve in
   * turn, the later release last, each remembering the one it replaced.
   */
  @Test
  void eachReleaseServesItsOwnRevisionWhenAnotherJobStagedANewerOne() throws Exception {
    String v3 = "cafe00000003";
    String r3 = "recs-m-" + v3 + "-1";
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    target.stage(request(V2, 0));
    target.stage(request(v3, 0));
    assertEquals(r3, fake.services.get(service()).getTemplate().getRevision());

    fake.calls.clear();
    Map<String, Object> first = target.release(V2, IMAGE + V2).orElseThrow();
    assertEquals(R2, first.get("revision"));
    assertEquals(R1, first.get("previous_revision"));
    assertEquals(
        List.of("GetService", "ListRevisions", "UpdateService " + r3 + " [" + R2 + "=100]"),
        fake.calls,
        "traffic pinned to the job's own revision; the newer template is left as it is");

    Map<String, Object> second = target.release(v3, IMAGE + v3).orElseThrow();
    assertEquals(r3, second.get("revision"));
    assertEquals(R2, second.get("previous_revision"));
    assertEquals("[" + r3 + "=100]", FakeCloudRun.traffic(fake.services.get(service())));

    Map<String, Object> stale = target.release(V2, IMAGE + V2).orElseThrow();
    assertEquals(R2, stale.get("revision"), "a later release of the older job serves it again");
    assertEquals(r3, stale.get("previous_revision"));
    assertEquals(
        r3,
        fake.services
            .get(service())
            .getAnnotationsMap()
            .get(CloudRunDeployTarget.PREVIOUS_ANNOTATION));
  }

  @Test
  void aRevisionOfTheModelRunningAnotherImageIsNotTheJobs() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    target.stage(request(V2, 0));
    assertEquals(Optional.empty(), target.release(V2, IMAGE + "another"));
    assertEquals("[" + R1 + "=100]", FakeCloudRun.traffic(fake.services.get(service())));
  }

  @Test
  void aStagedRevisionThatIsNotReadyIsRefusedAndTrafficStays() throws Exception {
    CloudRunDeployTarget target = target(CanaryCheck.READY_IS_ENOUGH);
    fake.failingRevision = R2;
    assertThrows(ComponentException.class, () -> target.stage(request(V2, 0)));

    fake.calls.clear();
    ComponentException e =
        assertThrows(ComponentException.class, () -> target.release(V2, IMAGE + V2));
    assertEquals(
        "release: revision "
            + R2
            + " of Cloud Run service "
            + service()
            + " is not ready (CONDITION_FAILED: The user-provided container failed to start.);"
            + " traffic stays on "
            + R1,
        e.getMessage());
    assertEquals(List.of("GetService", "ListRevisions"), fake.calls, "no traffic update");
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
