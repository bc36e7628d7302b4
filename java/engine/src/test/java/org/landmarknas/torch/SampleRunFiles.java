package org.landmarknas.torch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.landmark.Landmark;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.SearchSpace;

/**
 * A published NASLib sample written as the two files a tiny plumbing run of its space reads: the
 * evaluation pool ({@code arch,score}, the sample's CIFAR-10 accuracies) and a landmark file of
 * its first non-equivalent cells (given as a file: random selection would enumerate the space,
 * which NB101 and DARTS cannot).
 *
 * @param pool the {@code evaluate.pool} file
 * @param landmarks the {@code landmarks.file}
 */
record SampleRunFiles(Path pool, Path landmarks) {

  /** Writes {@code sample} as {@code dir/<name>.csv} and {@code count} landmarks beside it. */
  static <A> SampleRunFiles write(NasLibSample<A> sample, SearchSpace<A> space, Path dir,
      String name, int count) throws IOException {
    Path pool = dir.resolve(name + ".csv");
    GroundTruth<A> gt = sample.groundTruth();
    GroundTruth.csv(space).write(pool, gt.archs(), gt.archs().stream()
        .map(a -> gt.score(a).getAsDouble()).toList());
    Path landmarks = dir.resolve("landmarks.csv");
    Map<String, Landmark<A>> byClass = new LinkedHashMap<>();
    gt.archs().forEach(a -> byClass.putIfAbsent(space.canonicalKey(a),
        new Landmark<>(a, gt.score(a).getAsDouble())));
    LandmarkSet.of(space, new ArrayList<>(byClass.values()).subList(0, count))
        .writeCsv(landmarks);
    return new SampleRunFiles(pool, landmarks);
  }
}
