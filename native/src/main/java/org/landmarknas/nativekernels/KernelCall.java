package org.landmarknas.nativekernels;

import java.util.Locale;
import java.util.function.Supplier;
import org.bytedeco.javacpp.Pointer;

/**
 * The facades' side of the native boundary: argument checks that C cannot make (the length of
 * a Java array, the capacity of a pointer) and the translation of the C API's status codes into
 * exceptions. Messages name the kernel, the argument and the offending value.
 */
final class KernelCall {

  private KernelCall() {}

  /**
   * Throws unless {@code status} is {@link LmnasKernels#OK}. {@code why} is asked only on
   * failure, so it may scan the inputs for the offending element.
   *
   * @throws IllegalArgumentException for {@link LmnasKernels#EINVAL} and {@link
   *     LmnasKernels#ENONFINITE}, with {@code why}'s text
   * @throws OutOfMemoryError for {@link LmnasKernels#ENOMEM}
   * @throws IllegalStateException for any other code (a bug on one side of the boundary)
   */
  static void check(int status, String kernel, Supplier<String> why) {
    switch (status) {
      case LmnasKernels.OK:
        return;
      case LmnasKernels.EINVAL:
      case LmnasKernels.ENONFINITE:
        throw new IllegalArgumentException(kernel + ": " + why.get());
      case LmnasKernels.ENOMEM:
        throw new OutOfMemoryError(kernel + ": the native kernel could not allocate its scratch"
            + " memory");
      default:
        throw new IllegalStateException(String.format(Locale.ROOT,
            "%s: the native kernel returned the unknown status %d", kernel, status));
    }
  }

  /** Throws if {@code value} is null. */
  static void requireNonNull(Object value, String kernel, String name) {
    if (value == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %s is null", kernel,
          name));
    }
  }

  /**
   * Throws if {@code p} is null or, when its size is known, holds fewer than {@code needed}
   * elements from its position on. A pointer from a libtorch {@code data_ptr} has no known size
   * (limit 0), so it passes; the caller vouches for it.
   */
  static void requirePointer(Pointer p, long needed, String kernel, String name) {
    requireNonNull(p, kernel, name);
    if (p.isNull()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s points to address 0", kernel, name));
    }
    long limit = p.limit();
    if (limit > 0 && limit - p.position() < needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s holds %d elements from position %d, need %d", kernel, name,
          limit - p.position(), p.position(), needed));
    }
  }

  /** Throws if an array that must hold {@code needed} elements is shorter. */
  static void requireLength(int length, long needed, String kernel, String name) {
    if (length < needed) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s has %d elements, need %d", kernel, name, length, needed));
    }
  }
}
