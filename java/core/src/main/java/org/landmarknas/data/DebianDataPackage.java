package org.landmarknas.data;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A data set that Debian packages: Fashion-MNIST is {@code dataset-fashion-mnist}, which puts its
 * files in {@link DataLocation#FASHION_MNIST_DEFAULT_DIR}. {@link #install} runs {@code apt-get}
 * when this process may (it is root and {@code apt-get} is on the path); otherwise it leaves the
 * directory missing and the reader's error says what to install or which directory to pass.
 *
 * <p>Concurrent installs are safe: {@code apt-get} waits for the dpkg lock ({@value
 * #LOCK_WAIT_SECONDS} s) instead of failing, and installing a package that is already there does
 * nothing. A failed install retries once after {@code apt-get update}, for a machine whose
 * package lists were never fetched.
 *
 * @param dataset the data set name, as {@link DataLocation} knows it
 * @param packageName the Debian package holding it
 */
public record DebianDataPackage(String dataset, String packageName) {
  private static final int LOCK_WAIT_SECONDS = 600;
  private static final Map<String, String> PACKAGES =
      Map.of(FashionMnistReader.NAME, "dataset-fashion-mnist");

  /** The package of {@code dataset}, if Debian has one. */
  public static Optional<DebianDataPackage> of(String dataset) {
    return Optional.ofNullable(PACKAGES.get(dataset)).map(p -> new DebianDataPackage(dataset, p));
  }

  /**
   * Installs the package with {@code apt-get}, its output going to {@code progress}; does nothing
   * unless this process runs as root and finds {@code apt-get}.
   *
   * @throws IllegalStateException if {@code apt-get} fails, also after {@code apt-get update}
   */
  public void install(PrintStream progress) {
    Optional<Path> apt = aptGet();
    if (!isRoot() || apt.isEmpty()) {
      return;
    }
    progress.printf(Locale.ROOT, "lmnas: %s is missing; installing the Debian package %s%n",
        dataset, packageName);
    List<String> install = List.of(apt.get().toString(), "install", "-y", "-q",
        "--no-install-recommends", "-o", "DPkg::Lock::Timeout=" + LOCK_WAIT_SECONDS, packageName);
    if (run(install, progress) == 0) {
      return;
    }
    int update = run(List.of(apt.get().toString(), "update", "-q", "-o",
        "DPkg::Lock::Timeout=" + LOCK_WAIT_SECONDS), progress);
    int code = run(install, progress);
    if (code != 0) {
      throw new IllegalStateException(String.format(Locale.ROOT, "apt-get could not install %s"
          + " (exit code %d; apt-get update: %d, output above); install it by hand or pass"
          + " --data-dir DIR / set %s to a directory holding %s", packageName, code, update,
          DataLocation.ENV_VAR, dataset));
    }
  }

  /** Runs a command with its output (both streams) copied to {@code progress}; its exit code. */
  private static int run(List<String> command, PrintStream progress) {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    try {
      Process p = pb.start();
      try (InputStream in = p.getInputStream()) {
        // Copied, not inherited: apt's progress must not land in a command's standard output
        // (an export redirected to a file).
        in.transferTo(progress);
      }
      return p.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing " + command, e);
    }
  }

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  private static Optional<Path> aptGet() {
    String path = System.getenv("PATH");
    List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path)
        .split(File.pathSeparator)));
    dirs.add("/usr/bin"); // a cron-like environment without PATH
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, "apt-get"))
        .filter(Files::isExecutable).findFirst();
  }
}
