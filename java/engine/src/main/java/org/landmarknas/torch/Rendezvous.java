package org.landmarknas.torch;

import java.util.Locale;

/**
 * Where the ranks of one data-parallel run meet: rank 0 serves a torch {@code TCPStore} on
 * {@code host:port}, every rank (0 included) connects to it, and Gloo exchanges its peers'
 * addresses through it.
 *
 * @param host the address of rank 0's machine, as the other ranks reach it
 * @param port the store's TCP port, 1..65535
 * @param rank this process, 0..world-1
 * @param world the number of processes, at least 2
 */
public record Rendezvous(String host, int port, int rank, int world) {
  public Rendezvous {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--rendezvous needs a host, as HOST:PORT");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--rendezvous port must be 1..65535, got %d", port));
    }
    if (world < 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--world must be at least 2 (one process needs no rendezvous), got %d", world));
    }
    if (rank < 0 || rank >= world) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--rank must be 0..%d for --world %d, got %d", world - 1, world, rank));
    }
  }

  /**
   * {@code hostPort} as {@code HOST:PORT} (the last colon splits, so a bracketed IPv6 address
   * works).
   *
   * @throws IllegalArgumentException naming the malformed part
   */
  public static Rendezvous parse(String hostPort, int rank, int world) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("--rendezvous must be HOST:PORT, got \"" + hostPort
          + "\"");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rendezvous port must be a number, got \""
          + hostPort.substring(colon + 1) + "\"", e);
    }
    return new Rendezvous(host, port, rank, world);
  }

  /** Whether this process is rank 0: it hosts the store and writes the run directory. */
  public boolean leads() {
    return rank == 0;
  }
}
