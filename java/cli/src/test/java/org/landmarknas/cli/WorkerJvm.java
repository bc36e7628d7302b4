package org.landmarknas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lmnas standalone} command lines, and worker JVMs started on them as a user would (the
 * test class path, one OpenMP thread), their output going to a file: nobody must drain a pipe.
 */
final class WorkerJvm {
  private WorkerJvm() {}

  /** {@code standalone SUB OPTIONS MORE}. */
  static String[] standalone(String sub, List<String> options, String... more) {
    List<String> out = new ArrayList<>(List.of("standalone", sub));
    out.addAll(options);
    out.addAll(List.of(more));
    return out.toArray(String[]::new);
  }

  /** A new JVM running {@code lmnas ARGS} in {@code dir}, stdout and stderr into {@code log}. */
  static Process start(Path dir, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.bytedeco.javacpp.nopointergc=true", "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("OMP_NUM_THREADS", "1");
    return pb.start();
  }
}
