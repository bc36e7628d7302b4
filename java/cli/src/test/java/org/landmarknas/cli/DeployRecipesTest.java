package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked here of {@code configs/deploy/} without Kubernetes, Slurm or a container
 * daemon: the Job parses and starts workers on a store, the Slurm script is valid bash and
 * refuses to start without a store, the image recipe copies what the reactor reads.
 */
final class DeployRecipesTest {
  private static final Path DEPLOY = TestData.repoRoot().resolve("configs/deploy");

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesJob_isIndexed_andRunsWorkersOnTheStore() throws IOException {
    Map<String, Object> job;
    try (Reader in = Files.newBufferedReader(DEPLOY.resolve("k8s-workers-job.yaml"))) {
      job = new Yaml().load(in);
    }
    assertEquals("batch/v1", job.get("apiVersion"));
    assertEquals("Job", job.get("kind"));
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    assertEquals("Indexed", spec.get("completionMode"));
    assertEquals(spec.get("completions"), spec.get("parallelism"));
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template"))
        .get("spec");
    assertEquals("OnFailure", pod.get("restartPolicy"));
    Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
    List<String> args = (List<String>) container.get("args");
    assertEquals(List.of("standalone", "worker", "--store", "$(LMNAS_STORE)"), args.subList(0, 4));
    assertTrue(container.get("env").toString().contains("secretKeyRef"), container.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void kubernetesSearch_ranksAreTheJobIndex_andRankZeroIsReachableByName() throws IOException {
    List<Map<String, Object>> docs = new java.util.ArrayList<>();
    try (Reader in = Files.newBufferedReader(DEPLOY.resolve("k8s-search-ranks.yaml"))) {
      new Yaml().loadAll(in).forEach(d -> docs.add((Map<String, Object>) d));
    }
    assertEquals(List.of("Service", "Job"), docs.stream().map(d -> d.get("kind")).toList());
    Map<String, Object> service = docs.get(0);
    Map<String, Object> job = docs.get(1);
    String name = (String) ((Map<String, Object>) job.get("metadata")).get("name");
    Map<String, Object> serviceSpec = (Map<String, Object>) service.get("spec");
    assertEquals("None", serviceSpec.get("clusterIP"), "headless: one DNS name per pod");
    assertEquals(Map.of("job-name", name), serviceSpec.get("selector"));
    Map<String, Object> spec = (Map<String, Object>) job.get("spec");
    assertEquals("Indexed", spec.get("completionMode"));
    int world = (Integer) spec.get("completions");
    assertEquals(world, spec.get("parallelism"), "every rank runs at once");
    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template"))
        .get("spec");
    String serviceName = (String) ((Map<String, Object>) service.get("metadata")).get("name");
    assertEquals(serviceName, pod.get("subdomain"));
    assertEquals("Never", pod.get("restartPolicy"));
    List<String> args = (List<String>) ((List<Map<String, Object>>) pod.get("containers"))
        .get(0).get("args");
    assertEquals("search", args.get(0));
    assertEquals("$(JOB_COMPLETION_INDEX)", args.get(args.indexOf("--rank") + 1));
    assertEquals(String.valueOf(world), args.get(args.indexOf("--world") + 1));
    assertEquals(name + "-0." + serviceName + ":29500",
        args.get(args.indexOf("--rendezvous") + 1));
    // the config the image carries (Containerfile copies configs/) loads, and its global batch
    // splits over the ranks
    List<String> sets = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--set")) {
        sets.add(args.get(i + 1));
      }
    }
    org.landmarknas.config.RunConfig config = org.landmarknas.config.RunConfigLoader.load(
        TestData.repoRoot().resolve(args.get(args.indexOf("--config") + 1)), sets);
    assertEquals(0, config.train().batchSize() % world);
    assertTrue(Files.readString(DEPLOY.resolve("Containerfile")).contains("COPY configs "));
  }

  @Test
  void slurmSearchScript_isValidBash_andRefusesWithoutConfigOrOutsideSlurm() throws Exception {
    Path script = DEPLOY.resolve("slurm-search-ranks.sh");
    assertTrue(Files.isExecutable(script), script + " is not executable");
    assertEquals(0, bash(List.of("bash", "-n", script.toString())).exit());
    Run noConfig = bash(List.of("env", "-u", "LMNAS_CONFIG", "-u", "LMNAS_RESUME", "bash",
        script.toString()));
    assertEquals(2, noConfig.exit(), noConfig.output());
    assertTrue(noConfig.output().contains("set LMNAS_CONFIG"), noConfig.output());
    Run outside = bash(List.of("env", "-u", "SLURM_JOB_NODELIST",
        "LMNAS_CONFIG=configs/fmnist-mini-spos.yaml", "bash", script.toString()));
    assertEquals(2, outside.exit(), outside.output());
    assertTrue(outside.output().contains("not inside a Slurm job"), outside.output());
    String text = Files.readString(script);
    assertTrue(text.contains("--rank \"$SLURM_PROCID\"") && text.contains("--world"), text);
  }

  @Test
  void slurmScript_isValidBash_andNeedsAStore() throws Exception {
    Path script = DEPLOY.resolve("slurm-workers.sh");
    assertTrue(Files.isExecutable(script), script + " is not executable");
    assertEquals(0, bash(List.of("bash", "-n", script.toString())).exit());
    Run run = bash(List.of("bash", script.toString()));
    assertEquals(2, run.exit(), run.output());
    assertTrue(run.output().contains("set LMNAS_STORE"), run.output());
    assertTrue(Files.readString(script).contains("#SBATCH --array="));
  }

  @Test
  void containerfile_copiesEveryModulePom_andStartsTheCli() throws IOException {
    String recipe = Files.readString(DEPLOY.resolve("Containerfile"));
    for (String module : List.of("cuda-kernels", "native", "benchmarks", "tests", "examples")) {
      assertTrue(recipe.contains("COPY " + module + "/pom.xml"), module);
      assertTrue(Files.isRegularFile(TestData.repoRoot().resolve(module + "/pom.xml")), module);
    }
    assertTrue(recipe.contains("\"org.landmarknas.cli.Main\"]"), recipe);
  }

  private record Run(int exit, String output) {}

  private static Run bash(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("LMNAS_STORE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
    return new Run(p.exitValue(), out);
  }
}
