package io.recopipe.serving.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a request body up to a limit, refusing larger ones with 413 before buffering them (by
 * Content-Length when given, by counting when chunked), so a client cannot make the server hold
 * arbitrary amounts of memory.
 */
public final class BodyReader {
  private final int maxBytes;

  /** Creates a reader accepting bodies of at most {@code maxBytes}. */
  public BodyReader(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body's bytes. */
  public byte[] read(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try {
      return read(declared, ctx.req().getInputStream());
    } catch (IOException e) {
      throw ApiException.badRequest("could not read the request body: " + e.getMessage());
    }
  }

  /** The bytes of a body of {@code declared} bytes (-1: unknown) read from {@code stream}. */
  public byte[] read(long declared, InputStream stream) {
    if (declared > maxBytes) {
      throw tooLarge();
    }
    byte[] buffer = new byte[declared >= 0 ? (int) declared : 4096];
    int size = 0;
    try (InputStream in = stream) {
      while (true) {
        if (size == buffer.length) {
          if (size >= maxBytes || size == declared) {
            if (in.read() < 0) {
              break;
            }
            throw tooLarge();
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxBytes, size * 2L + 1));
        }
        int n = in.read(buffer, size, buffer.length - size);
        if (n < 0) {
          break;
        }
        size += n;
      }
    } catch (IOException e) {
      throw ApiException.badRequest("could not read the request body: " + e.getMessage());
    }
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  private ApiException tooLarge() {
    return new ApiException(413, "request body is larger than " + maxBytes + " bytes");
  }
}
