package io.recopipe.serving.admin;

import io.recopipe.serving.http.ApiException;
import io.recopipe.serving.http.Call;
import io.recopipe.serving.http.Handler;
import io.recopipe.serving.http.Responses;
import io.recopipe.serving.model.LoadedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lets an admin request through only with {@code Authorization: Bearer <secret>}, the secret read
 * once from the revision's owner-only file; anything else is journaled and refused with 401, so
 * that no other local process can swap, listen or stop.
 */
public final class AdminAuth implements Handler {
  private static final String PREFIX = "Bearer ";
  private final byte[] secret;
  private final AdminJournal journal;
  private final Supplier<LoadedModel> model;

  private AdminAuth(byte[] secret, AdminJournal journal, Supplier<LoadedModel> model) {
    this.secret = secret;
    this.journal = journal;
    this.model = model;
  }

  /** Reads the secret from {@code file}; null (no file) refuses every request. */
  public static AdminAuth fromFile(Path file, AdminJournal journal, Supplier<LoadedModel> model)
      throws IOException {
    if (file == null) {
      return new AdminAuth(null, journal, model);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.length() < 16) {
      throw new IOException("the admin secret in " + file + " is shorter than 16 characters");
    }
    return new AdminAuth(text.getBytes(StandardCharsets.UTF_8), journal, model);
  }

  @Override
  public void handle(Call ctx) {
    String header = ctx.header("Authorization");
    if (secret != null
        && header != null
        && header.startsWith(PREFIX)
        && MessageDigest.isEqual(
            secret, header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8))) {
      return;
    }
    LoadedModel current = model.get();
    String version = current == null ? null : current.version();
    journal.append(
        "refused",
        "refused",
        version,
        version,
        ctx.ip(),
        Map.of(
            "request",
            ctx.method() + " " + ctx.path(),
            "reason",
            header == null ? "no Authorization header" : "wrong secret"));
    Responses.route(ctx, "admin_refused");
    throw new ApiException(401, "admin API: missing or wrong bearer secret");
  }
}
