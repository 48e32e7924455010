package io.recopipe.components.warehouse;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBWritableVector;

/**
 * Writes whole columns of a chunk into DuckDB's writable vectors at once: the driver's per-value
 * setters check bounds and type and take a lock to mark each value valid, which cost a third of
 * loading 20 million ratings, while a chunk of numbers is one bulk copy into the vector's native
 * memory and one pass over its validity words. The driver keeps that memory in private fields, so
 * when they are missing (another driver version) every write falls back to the setters: the values
 * DuckDB stores are the same either way.
 */
final class VectorWrites {
  private static final Field DATA = field("data");
  private static final Field VALIDITY = field("validity");

  private VectorWrites() {}

  /** Whether whole-column writes are possible with this driver (else the setters are used). */
  static boolean bulk() {
    return DATA != null && VALIDITY != null;
  }

  /** Sets rows {@code 0 .. count - 1} of {@code BIGINT} vector {@code vector} to {@code values}. */
  static void longs(DuckDBWritableVector vector, long[] values, int count) {
    ByteBuffer data = count == 0 ? null : memory(vector, DuckDBColumnType.BIGINT, count, 8);
    if (data == null) {
      for (int k = 0; k < count; k++) {
        vector.setLong(k, values[k]);
      }
      return;
    }
    data.asLongBuffer().put(values, 0, count);
    markValid(vector, count);
  }

  /** Sets rows {@code 0 .. count - 1} of {@code DOUBLE} vector {@code vector} to {@code values}. */
  static void doubles(DuckDBWritableVector vector, double[] values, int count) {
    ByteBuffer data = count == 0 ? null : memory(vector, DuckDBColumnType.DOUBLE, count, 8);
    if (data == null) {
      for (int k = 0; k < count; k++) {
        vector.setDouble(k, values[k]);
      }
      return;
    }
    data.asDoubleBuffer().put(values, 0, count);
    markValid(vector, count);
  }

  /**
   * Sets rows {@code 0 .. count - 1} of {@code BOOLEAN} vector {@code vector} to {@code flags[from]
   * .. flags[from + count - 1]}.
   */
  static void booleans(DuckDBWritableVector vector, boolean[] flags, int from, int count) {
    ByteBuffer data = count == 0 ? null : memory(vector, DuckDBColumnType.BOOLEAN, count, 1);
    if (data == null) {
      for (int k = 0; k < count; k++) {
        vector.setBoolean(k, flags[from + k]);
      }
      return;
    }
    byte[] bytes = new byte[count];
    for (int k = 0; k < count; k++) {
      bytes[k] = flags[from + k] ? (byte) 1 : (byte) 0;
    }
    data.put(bytes);
    markValid(vector, count);
  }

  /**
   * The first {@code count} values' bytes of {@code vector}'s native memory as a buffer in native
   * order positioned at 0, or null when they cannot be written directly (no access to the field, a
   * type or size that is not what the driver promised).
   */
  private static ByteBuffer memory(
      DuckDBWritableVector vector, DuckDBColumnType type, int count, int width) {
    if (!bulk() || vector.getType() != type || vector.rowCount() < count) {
      return null;
    }
    ByteBuffer data = buffer(DATA, vector);
    ByteBuffer validity = buffer(VALIDITY, vector);
    if (data == null
        || validity == null
        || data.capacity() < (long) count * width
        || validity.capacity() < words(count) * Long.BYTES) {
      return null;
    }
    return data.slice(0, count * width).order(ByteOrder.nativeOrder());
  }

  /** Marks rows {@code 0 .. count - 1} valid (not NULL): DuckDB's mask has one bit a row. */
  private static void markValid(DuckDBWritableVector vector, int count) {
    ByteBuffer validity = buffer(VALIDITY, vector).slice().order(ByteOrder.nativeOrder());
    int full = count / Long.SIZE;
    for (int word = 0; word < full; word++) {
      validity.putLong(word * Long.BYTES, -1L);
    }
    int rest = count % Long.SIZE;
    if (rest != 0) {
      int at = full * Long.BYTES;
      validity.putLong(at, validity.getLong(at) | ((1L << rest) - 1));
    }
  }

  private static int words(int count) {
    return (count + Long.SIZE - 1) / Long.SIZE;
  }

  private static ByteBuffer buffer(Field field, DuckDBWritableVector vector) {
    try {
      return field.get(vector) instanceof ByteBuffer buffer && buffer.isDirect() ? buffer : null;
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  /** The driver's private field {@code name} of a writable vector, or null when unavailable. */
  private static Field field(String name) {
    try {
      Field field = DuckDBWritableVector.class.getDeclaredField(name);
      if (field.getType() != ByteBuffer.class) {
        return null;
      }
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null; // another driver version, or access denied: use the setters
    }
  }
}
