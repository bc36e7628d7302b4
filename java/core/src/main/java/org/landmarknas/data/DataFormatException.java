package org.landmarknas.data;

/**
 * A data file exists but its content is not what its format promises: wrong magic number,
 * truncated, inconsistent counts, labels out of range, not compressed as its name says. The message
 * names the file, what was expected and what was found.
 *
 * <p>It is an {@link IllegalArgumentException} (the file is bad input), so callers that only care
 * about "bad input" need not know this type.
 */
public final class DataFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error with a message that names the file and the problem. */
  public DataFormatException(String message) {
    super(message);
  }

  /** An error with a message that names the file and the problem, caused by {@code cause}. */
  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
