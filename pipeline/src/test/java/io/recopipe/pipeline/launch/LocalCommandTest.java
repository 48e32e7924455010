package io.recopipe.pipeline.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.components.packaging.CliJvmFlags;
import io.recopipe.components.packaging.PipelineImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code run --spec} starts the pipeline image's command as this machine's java: it keeps the
 * spec's JVM flags, which are the launcher's, and adds only this JVM's heap and GC flags the spec
 * does not already have.
 */
class LocalCommandTest {
  @Test
  void theImagesCommandRunsHereWithTheLaunchersFlags() {
    List<String> container = new ArrayList<>(PipelineImage.COMMAND);
    container.addAll(List.of("component", "train", "--param", "k=v"));

    List<String> local = LocalCommand.local(container, Path.of("/tmp/task"));

    assertTrue(LocalCommand.startsRecopipe(container));
    assertEquals(CliJvmFlags.FLAGS, local.subList(1, 1 + CliJvmFlags.FLAGS.size()));
    assertEquals(
        List.of("-cp", System.getProperty("java.class.path"), PipelineImage.MAIN),
        local.subList(local.size() - 7, local.size() - 4));
    assertEquals(
        List.of("component", "train", "--param", "k=v"),
        local.subList(local.size() - 4, local.size()));
    assertTrue(local.contains("-Djava.io.tmpdir=/tmp/task"), local.toString());
    List<String> flags = local.subList(1, local.size() - 7);
    assertEquals(new HashSet<>(flags).size(), flags.size(), "a flag twice: " + flags);
  }
}
