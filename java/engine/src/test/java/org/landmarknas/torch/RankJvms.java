package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a test's main class as W separate JVMs, one per rank, and waits for all of them. */
final class RankJvms {
  private RankJvms() {}

  /** A port that was free a moment ago, for rank 0's store. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Runs {@code main rank world port args...} in {@code world} JVMs, each logging to {@code
   * logs/rank-R.log}; fails, with the logs, unless every one exits 0 within {@code seconds}.
   */
  static void run(Class<?> main, int world, Path logs, long seconds, String... args)
      throws IOException, InterruptedException {
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int port = freePort();
    Files.createDirectories(logs);
    List<Process> ranks = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      List<String> cmd = new ArrayList<>(List.of(java, "-Xss4m",
          "-Dorg.bytedeco.javacpp.nopointergc=true", "-cp", classPath, main.getName(),
          Integer.toString(r), Integer.toString(world), Integer.toString(port)));
      cmd.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(logs.resolve("rank-" + r + ".log").toFile());
      pb.environment().put("OMP_NUM_THREADS", "1");
      ranks.add(pb.start());
    }
    try {
      for (int r = 0; r < world; r++) {
        boolean done = ranks.get(r).waitFor(seconds, TimeUnit.SECONDS);
        assertEquals(0, done ? ranks.get(r).exitValue() : -1, "rank " + r
            + (done ? " failed" : " timed out") + "; logs:\n" + logs(logs, world));
      }
    } finally {
      ranks.forEach(Process::destroyForcibly);
    }
  }

  private static String logs(Path dir, int world) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < world; r++) {
      sb.append("--- rank ").append(r).append('\n').append(Files.readString(
          dir.resolve("rank-" + r + ".log"), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
