package org.landmarknas.store;

/**
 * A results store could not be opened at all: the file cannot be created or read, or the
 * database server refused the connection, is not there, or rejected the user. Usually the
 * location is misnamed, so the command line reports it as bad input.
 */
public final class StoreUnreachableException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** A failure to open, with its cause (usually a {@link java.sql.SQLException}). */
  public StoreUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
