package org.landmarknas.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.landmarknas.torch.Libtorch;

/**
 * {@code lmnas search --ranks N} on one machine: starts N JVMs, each {@code lmnas search ...
 * --rank r --world N --rendezvous 127.0.0.1:PORT}, rank 0 serving the store on a port that was
 * free a moment before (the port is only known to be free when it is chosen; a process that
 * takes it in between makes rank 0 fail at once, with the port in its error). When one rank
 * fails the others are stopped: they would otherwise wait for it until the group's timeout.
 */
final class RankProcesses {
  /** How long stopped ranks get for their shutdown hooks. */
  private static final long STOP_WAIT_SECONDS = 20;

  private RankProcesses() {}

  /**
   * Runs {@code lmnas search <args> <rank flags>} as {@code world} ranks; waits for all.
   *
   * @param args the command's arguments with {@code --ranks} removed
   * @return the first non-zero exit code, or 0
   */
  static int run(List<String> args, int world) throws IOException, InterruptedException {
    Libtorch.load(); // extract the natives once, before N JVMs load them together
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<Process> ranks = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.addAll(ChildProcesses.jvmOptions(ManagementFactory.getRuntimeMXBean()
          .getInputArguments()));
      cmd.addAll(List.of("-Dorg.bytedeco.javacpp.nopointergc=true", "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), "search"));
      cmd.addAll(args);
      cmd.addAll(List.of("--rank", Integer.toString(r), "--world", Integer.toString(world),
          "--rendezvous", "127.0.0.1:" + port));
      ranks.add(new ProcessBuilder(cmd).inheritIO().start());
    }
    try (ShutdownHook stop = ShutdownHook.register("stop-ranks", () -> stop(ranks))) {
      return await(ranks);
    }
  }

  /** Waits for every rank; the first failure stops the rest. */
  private static int await(List<Process> ranks) throws InterruptedException {
    int failed = 0;
    List<Process> running = new ArrayList<>(ranks);
    while (!running.isEmpty()) {
      for (Process p : List.copyOf(running)) {
        if (p.waitFor(200, TimeUnit.MILLISECONDS)) {
          running.remove(p);
          if (p.exitValue() != 0 && failed == 0) {
            failed = p.exitValue();
            stop(running);
          }
        }
      }
    }
    return failed;
  }

  private static void stop(List<Process> ranks) {
    ranks.stream().filter(Process::isAlive).forEach(Process::destroy);
    for (Process p : ranks) {
      try {
        p.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
