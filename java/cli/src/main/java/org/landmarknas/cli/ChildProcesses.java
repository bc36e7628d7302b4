package org.landmarknas.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.landmarknas.torch.Libtorch;

/**
 * Runs copies of a CLI command as separate JVMs: the {@code --workers K} of the commands that
 * spread independent work over processes (a killed process loses only its own current work).
 */
final class ChildProcesses {

  /** How long a stopped parent waits for its children's shutdown hooks. */
  private static final long STOP_WAIT_SECONDS = 20;

  private ChildProcesses() {}

  /**
   * Starts {@code copies} JVMs running {@code lmnas <command> <args> --workers 1 <extra>}, with
   * any {@code --workers K} removed from {@code args}, their output going to ours; waits for all.
   *
   * @return the worst exit code
   */
  static int runCopies(String command, String[] args, int copies, String... extra)
      throws IOException, InterruptedException {
    // Every child loads libtorch at once: load it here first, so that they find JavaCPP's cache
    // complete and none of them extracts (Libtorch also locks; this keeps the children's start
    // free of waiting on one another).
    Libtorch.load();
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
      cmd.addAll(List.of("-Dorg.bytedeco.javacpp.nopointergc=true", "-cp",
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
    // A parent stopped with SIGTERM passes it on: the children would otherwise run on as
    // orphans that nobody watches (Ctrl-C in a terminal reaches them anyway, as a group).
    try (ShutdownHook stop = ShutdownHook.register("stop-children", () -> stop(children))) {
      int worst = 0;
      for (Process p : children) {
        worst = Math.max(worst, p.waitFor());
      }
      return worst;
    }
  }

  /**
   * The parent's heap and system-property options ({@code -X...}, {@code -D...}, e.g. the
   * launcher's {@code LMNAS_JAVA_OPTS}), for its children: a worker should not get a default heap
   * when the user set one. Debug agents are left out: two JVMs cannot listen on one port.
   */
  static List<String> jvmOptions(List<String> parent) {
    List<String> out = new ArrayList<>();
    for (String o : parent) {
      if ((o.startsWith("-X") || o.startsWith("-D")) && !o.startsWith("-Xrun")
          && !o.startsWith("-Xdebug")) {
        out.add(o);
      }
    }
    return out;
  }

  /** SIGTERM to every live child, then a short wait so their own shutdown work can finish. */
  private static void stop(List<Process> children) {
    children.stream().filter(Process::isAlive).forEach(Process::destroy);
    for (Process p : children) {
      try {
        p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
