package org.landmarknas.store;

/**
 * A results store could not be read or written: the database file is unreadable, locked for
 * longer than the busy timeout, or of an unknown schema version. The message names the file and
 * the operation.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with its cause (usually a {@link java.sql.SQLException}). */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure detected by the store itself. */
  public StoreException(String message) {
    super(message);
  }
}
