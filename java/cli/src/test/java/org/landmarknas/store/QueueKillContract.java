package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.standalone.StandaloneResult;

/**
 * Kills a worker process while it holds a job and checks that the queue still ends with every job
 * done exactly once: the dead worker's lease expires and the surviving worker re-claims it.
 */
abstract class QueueKillContract extends StoreContract {

  private static final int JOBS = 10;
  private static final String LEASE_MS = "1000";

  @Test
  void killedWorker_jobReclaimed_everyJobDoneOnce() throws Exception {
    List<Nb201Arch> archs = StoreFixtures.distinctArchs(JOBS);
    try (ResultsStore<Nb201Arch> store = open()) {
      assertEquals(JOBS, store.enqueue(archs, StoreFixtures.PROTOCOL, 1));
    }

    // The victim works slowly, so it surely still holds its job when the kill lands.
    Worker victim = Worker.start(location, "victim", "5000");
    long victimJob = victim.awaitClaim();
    Worker survivor = Worker.start(location, "survivor", "200");
    survivor.awaitClaim();
    victim.process.destroyForcibly();
    assertTrue(victim.process.waitFor(10, TimeUnit.SECONDS), "victim did not die");

    assertTrue(survivor.process.waitFor(20, TimeUnit.SECONDS), "survivor did not finish");
    survivor.reader.join(5_000);
    assertEquals(0, survivor.process.exitValue(), () -> "survivor output: " + survivor.lines);

    List<Long> done = survivor.ids("done ");
    assertTrue(victim.ids("done ").isEmpty(), "victim completed a job before the kill");
    assertEquals(JOBS, done.size(), () -> "done lines: " + done);
    assertEquals(JOBS, new HashSet<>(done).size(), () -> "a job was done twice: " + done);
    assertTrue(survivor.ids("claimed ").contains(victimJob), "victim's job was not re-claimed");

    try (ResultsStore<Nb201Arch> store = open()) {
      assertEquals(new QueueStatus(0, 0, JOBS, 0, 0), store.status(StoreFixtures.PROTOCOL));
      List<StandaloneResult<Nb201Arch>> results = store.all(StoreFixtures.PROTOCOL);
      assertEquals(JOBS, results.size());
      Set<Nb201Arch> stored = results.stream().map(StandaloneResult::arch)
          .collect(Collectors.toSet());
      assertEquals(Set.copyOf(archs), stored);
    }
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("SELECT attempts FROM jobs WHERE id = ?")) {
      p.setLong(1, victimJob);
      try (ResultSet r = p.executeQuery()) {
        assertTrue(r.next());
        assertEquals(2, r.getInt(1), "claimed by the victim, then once more");
      }
    }
  }

  /** One worker JVM and the lines it printed. */
  private static final class Worker {
    final Process process;
    final Thread reader;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> claims = new LinkedBlockingQueue<>();

    private Worker(Process process) {
      this.process = process;
      this.reader = new Thread(this::drain, "worker-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Worker start(StoreLocation store, String name, String workMillis) throws IOException {
      String classPath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", classPath,
          QueueWorkerMain.class.getName(), store.toString(), name, LEASE_MS, workMillis);
      pb.redirectErrorStream(true);
      return new Worker(pb.start());
    }

    long awaitClaim() throws InterruptedException {
      String line = claims.poll(20, TimeUnit.SECONDS);
      assertTrue(line != null, () -> "no claim; output: " + lines);
      return Long.parseLong(line.substring("claimed ".length()));
    }

    List<Long> ids(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix))
          .map(l -> Long.parseLong(l.substring(prefix.length()))).collect(Collectors.toList());
    }

    private void drain() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
          if (line.startsWith("claimed ")) {
            claims.add(line);
          }
        }
      } catch (IOException e) {
        lines.add("read failed: " + e);
      }
    }
  }
}
