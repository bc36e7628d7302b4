package org.landmarknas.store;

/**
 * A results store could not be read or written: the database file is unreadable or locked for
 * longer than the busy timeout, the server stayed away through every retry, or the schema is of
 * an unknown version. The message names the store and the operation. {@link
 * StoreUnreachableException} is the one that could not be opened at all.
 */
public class StoreException extends RuntimeException {

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
