package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server (15 here) for the store tests, shared by every test class of
 * one JVM: {@code initdb} into a temporary directory, {@code pg_ctl start} on a free port with its unix
 * socket in that directory, and a shutdown hook that stops it and deletes the directory. Run as
 * the {@code postgres} user when the JVM is root ({@code initdb} refuses root). Each test gets a
 * fresh schema ({@link #newStoreUrl}), which is much cheaper than a database.
 *
 * <p>Where the server binaries are missing a test is skipped with the reason; under {@code
 * CI=true} it fails instead, as {@code TestData.fashionMnist()} does, so a CI without PostgreSQL
 * cannot pass unnoticed.
 */
public final class PostgresServer {

  /** Where Debian's {@code postgresql-N} packages put the servers. */
  static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");

  private static PostgresServer shared;
  private static String unavailable;

  private final Path dir;
  private final int port;
  private final AtomicInteger schemas = new AtomicInteger();

  private PostgresServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /**
   * The JVM's server, started on the first call; skips the calling test (fails it under {@code
   * CI=true}) where PostgreSQL is not installed.
   */
  public static synchronized PostgresServer shared() {
    if (shared == null && unavailable == null) {
      Path bin = binaries();
      if (!Files.isExecutable(bin.resolve("initdb"))
          || !Files.isExecutable(bin.resolve("pg_ctl"))) {
        unavailable = "PostgreSQL is not installed (no initdb and pg_ctl in " + bin
            + "; apt-get install postgresql-15, or set LMNAS_PG_BIN to their directory)";
      } else {
        shared = start(bin);
      }
    }
    if (unavailable != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail(unavailable + "; under CI=true a PostgreSQL test fails rather than skips");
      }
      assumeTrue(false, unavailable);
    }
    return shared;
  }

  /**
   * {@code LMNAS_PG_BIN}, else Debian's PostgreSQL 15, else the newest Debian server installed
   * (what {@code postgresql} installs on a newer release).
   */
  private static Path binaries() {
    String configured = System.getenv("LMNAS_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path fifteen = DEBIAN_SERVERS.resolve("15/bin");
    if (Files.isDirectory(fifteen) || !Files.isDirectory(DEBIAN_SERVERS)) {
      return fifteen;
    }
    try (Stream<Path> versions = Files.list(DEBIAN_SERVERS)) {
      return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin")).orElse(fifteen);
    } catch (IOException e) {
      return fifteen;
    }
  }

  /**
   * A JDBC URL of a new, empty schema of the server's database, as a user would pass to {@code
   * --store}.
   */
  public String newStoreUrl() {
    String schema = "t" + schemas.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
    }
    return adminUrl() + "&currentSchema=" + schema;
  }

  /** The URL of the server's {@code postgres} database as the superuser, over TCP. */
  public String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  private static PostgresServer start(Path bin) {
    try {
      Path dir = Files.createTempDirectory("lmnas-pg-");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      run(root, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
          "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
      for (int tries = 1; ; tries++) {
        int port = freePort();
        // fsync off: the tests kill clients, never the machine, so durability on disk is moot.
        String options = String.format(Locale.ROOT, "-p %d -k %s -c listen_addresses=127.0.0.1"
            + " -c fsync=off -c max_connections=100", port, dir);
        try {
          run(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
              "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options,
              "start");
        } catch (IllegalStateException e) {
          if (tries < 3) {
            continue; // the port was taken between the probe and the start
          }
          throw e;
        }
        PostgresServer server = new PostgresServer(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(bin, root),
            "postgres-stop"));
        return server;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
    }
  }

  private void stop(Path bin, boolean root) {
    try {
      run(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
          "immediate", "-w", "stop");
    } catch (RuntimeException e) {
      System.err.println("test PostgreSQL server in " + dir + ": " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + dir + ": " + e.getMessage());
    }
  }

  /** Runs a server binary, as {@code postgres} when root; fails with its output. */
  private static void run(boolean root, String... command) {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed: "
            + new String(out, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
