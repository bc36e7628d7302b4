package org.landmarknas.standalone;

import java.util.Locale;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.SearchSpace;

/**
 * The stand-alone performance of one architecture under one protocol and seed. Accuracies are
 * fractions in [0, 1]; {@code parameters} counts the trained network's weights. The protocol
 * names the architecture's space ({@link StandaloneProtocol#space}).
 *
 * @param <A> the architecture type of the protocol's space
 */
public record StandaloneResult<A>(A arch, String protocol, long seed, double validAccuracy,
    double validLoss, double testAccuracy, double testLoss, long parameters, double wallSeconds) {

  /**
   * An accuracy in percent (as tables write it, to 4 decimals) as the fraction training stores:
   * the double nearest to it, as {@code correct / images} is. {@code 84.13 / 100} is one unit in
   * the last place off for a fifth of the values, so a result read from a table and a trained one
   * of the same accuracy would not tie, and tau-b over a table continued on a new machine would
   * break ties by rounding noise. Decimals past the fourth are rounded away: no table this
   * project reads has them.
   */
  public static double accuracyFromPercent(double percent) {
    return Math.round(percent * 10_000) / 1_000_000.0;
  }

  /**
   * The result a row of the published NAS-Bench-201 table stands for, under {@code protocol}:
   * its accuracies as training computes them ({@link #accuracyFromPercent}), the parameters of
   * the table's network ({@link Nb201Table#PUBLISHED_NETWORK}; 0 for a cell with no path from
   * input to output), no losses and no wall time (the table has none). The seed is the table
   * index: equivalent cells share a store key (their canonical form), but in the table each is
   * its own training run, so all rows are kept and the store's scores average them per class.
   */
  public static StandaloneResult<Nb201Arch> ofPublished(Nb201Table.Row row, String protocol) {
    long params = row.arch().isConnected()
        ? Nb201Space.INSTANCE.cost(row.arch(), Nb201Table.PUBLISHED_NETWORK).parameters() : 0;
    return new StandaloneResult<>(row.arch(), protocol, row.index(),
        accuracyFromPercent(row.validAccuracy()), Double.NaN,
        accuracyFromPercent(row.testAccuracy()), Double.NaN, params, 0);
  }

  /**
   * The result a row of a published NASLib sample stands for, under {@code protocol}: its
   * validation accuracy as a fraction, every digit kept (NB101's carry a dozen decimals, means
   * over repeated trainings, which {@link #accuracyFromPercent}'s four would blur; no trained
   * result shares the protocol to tie with), no test accuracy (NaN: the sample has none; the
   * store scores such a result by its validation accuracy), the parameters the sample
   * publishes (its {@code params} column, which the cost models reproduce: {@code
   * NasLibSample*Test}) and, as for NB201's table, the row's index as its seed: equivalent
   * rows are separate trainings.
   */
  public static <A> StandaloneResult<A> ofSample(NasLibSample<A> sample, int index,
      String protocol) {
    NasLibSample.Row<A> row = sample.rows().get(index);
    long params = Math.round(row.paramsMillions() * 1e6);
    return new StandaloneResult<>(row.arch(), protocol, index,
        row.validAccuracy() / 100, Double.NaN, Double.NaN, Double.NaN, params, 0);
  }

  /**
   * One line for a terminal: the architecture in {@code space}'s notation, the accuracies in
   * percent, the protocol, seed, parameters and training time.
   */
  public String describe(SearchSpace<A> space) {
    return String.format(Locale.ROOT, "%s  valid %.2f%%  test %.2f%%  (%s, seed %d, %,d params,"
            + " %.1f s)", space.format(arch), 100 * validAccuracy, 100 * testAccuracy, protocol,
        seed, parameters, wallSeconds);
  }
}
