package org.landmarknas.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs copies of a CLI command as separate JVMs: the {@code --workers K} of the commands that
 * spread independent work over processes (a killed process loses only its own current work).
 */
final class ChildProcesses {

  private ChildProcesses() {}

  /**
   * Starts {@code copies} JVMs running {@code lmnas <command> <args> --workers 1 <extra>}, with
   * any {@code --workers K} removed from {@code args}, their output going to ours; waits for all.
   *
   * @return the worst exit code
   */
  static int runCopies(String command, String[] args, int copies, String... extra)
      throws IOException, InterruptedException {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      List<String> cmd = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"),
          "-Dorg.bytedeco.javacpp.nopointergc=true", "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), command));
      for (int a = 0; a < args.length; a++) {
        if (args[a].equals("--workers")) {
          a++;
        } else if (!args[a].startsWith("--workers=")) {
          cmd.add(args[a]);
        }
      }
      cmd.add("--workers");
      cmd.add("1");
      cmd.addAll(List.of(extra));
      children.add(new ProcessBuilder(cmd).inheritIO().start());
    }
    int worst = 0;
    for (Process p : children) {
      worst = Math.max(worst, p.waitFor());
    }
    return worst;
  }
}
