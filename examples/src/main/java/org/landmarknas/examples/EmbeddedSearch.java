package org.landmarknas.examples;

import java.nio.file.Path;
import org.landmarknas.torch.SearchOutcome;
import org.landmarknas.torch.SearchRun;

/**
 * A JVM program that runs a landmark-regularized search and reads its ranking, the way a tool
 * embeds the engine. From the repository root, after {@code ./lmnas setup} and {@code mvn -q
 * -pl examples -am package -DskipTests}:
 *
 * <pre>
 * java -cp "examples/target/classes:java/target/classes:java/target/lib/*" \
 *     org.landmarknas.examples.EmbeddedSearch configs/fmnist-mini-landmarks.yaml train.epochs=2
 * </pre>
 */
public final class EmbeddedSearch {
  private EmbeddedSearch() {}

  public static void main(String[] args) {
    String[] overrides = java.util.Arrays.copyOfRange(args, 1, args.length);
    SearchOutcome<?> outcome = search(Path.of(args[0]), overrides);
    System.out.println(outcome.summary());
  }

  /** Runs the search of a YAML config with {@code key=value} overrides, printing each epoch. */
  public static SearchOutcome<?> search(Path config, String... overrides) {
    SearchRun run = SearchRun.builder(config, overrides)
        .listener(e -> System.out.printf("epoch %d/%d  train loss %.3f%s%n", e.stats().epoch(),
            e.epochs(), e.stats().trainLoss(), e.poolRanking()
                .map(r -> String.format("  S-KdT %.3f", r.sparseKendallTau())).orElse("")))
        .build();
    return run.run();
  }
}
