package io.recopipe.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recopipe.pipeline.cli.ExitCodes;
import io.recopipe.pipeline.cli.Main;
import io.recopipe.pipeline.review.Reviewer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review server's small parts: escaping, tokens and idle session expiry. */
class ReviewServerPartsTest {
  /** A clock tests move by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void serverCommandRefusesANonLoopbackHostUnlessAllowed() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      code = Main.run("server", "--host", "192.0.2.1", "--port", "0");
    } finally {
      System.setErr(err);
    }
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertEquals(
        "recopipe: error: refusing to serve the review page on 192.0.2.1, which is not "
            + "a loopback address; pass --allow-remote to do it anyway",
        captured.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void htmlEscapesEveryDynamicString() {
    String hostile = "<img src=x onerror=\"alert('1')\"> & co";
    Session session =
        new Session("id", new Reviewer(hostile, Instant.now(), false, false), hostile);
    String html =
        Page.render("error.jte", new Page.ErrorView(new Frame(hostile, session), hostile, false))
            + Page.render("pipelineList.jte", List.of(hostile));
    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("\"alert"), html);
    assertTrue(
        html.contains("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co"), html);
    assertEquals("a%2Fb%20c", Links.segment("a/b c"));
    assertTrue(
        Page.render("pipelineList.jte", List.of("a\u001bb")).contains(">a\uFFFDb<"),
        "control characters are replaced");
  }

  @Test
  void tokensAreLongRandomAndComparedExactly() {
    String token = Tokens.random();
    assertEquals(43, token.length(), "256 bits in base64url");
    assertNotEquals(token, Tokens.random());
    assertTrue(Tokens.matches(token, token));
    assertFalse(Tokens.matches(token, token + "x"));
    assertFalse(Tokens.matches(token, null));
    assertFalse(Tokens.matches("", ""), "an empty expected token never matches");
  }

  @Test
  void sessionsEndAfterTheIdleTimeButRequestsKeepThemAlive() {
    ManualClock clock = new ManualClock();
    Sessions sessions = new Sessions(clock, Duration.ofHours(12));
    Session session = sessions.open(new Reviewer("bob", clock.now, false, false));
    assertNotEquals(session.id(), session.csrfToken());
    clock.now = clock.now.plus(Duration.ofHours(11));
    assertTrue(sessions.find(session.id()).isPresent(), "used within 12h");
    clock.now = clock.now.plus(Duration.ofHours(11));
    assertTrue(sessions.find(session.id()).isPresent(), "the last request restarted the clock");
    clock.now = clock.now.plus(Duration.ofHours(13));
    assertTrue(sessions.find(session.id()).isEmpty(), "idle for 13h");
    assertTrue(sessions.find("made-up").isEmpty());
  }
}
