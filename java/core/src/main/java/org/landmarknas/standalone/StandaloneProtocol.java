package org.landmarknas.standalone;

import java.util.Locale;
import org.landmarknas.data.Cifar10BinaryReader;
import org.landmarknas.data.FashionMnistReader;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.space.SearchSpaces;
import org.landmarknas.space.Skeleton;

/**
 * How one architecture is trained from scratch to measure its stand-alone performance: every
 * choice that changes the number. Results are comparable when their protocols have the same
 * {@code name}, which the store keys them by: every field but {@code threads} (which only
 * reorders float sums) is fixed by the name. Training uses the super-net half of the seeded split
 * (the same half the super-net trains on), validation the first {@code validImages} of the rank
 * half, testing the test set.
 *
 * @param name a short id for tables and stores (e.g. {@code fmnist-c16n1-e4}); a protocol of
 *     another space than {@value #DEFAULT_SPACE} names it first (e.g. {@code nb101-fmnist-...}),
 *     so a name still fixes every field
 * @param space the config name of the search space whose cells it trains ({@link SearchSpaces}),
 *     which parses the architectures of its results and tables
 * @param splitSeed seed of the 50/50 training split (fixed per protocol, not per run)
 * @param trainLimit training images of the super-net half used (0 = all)
 * @param testLimit test images scored (0 = all)
 */
public record StandaloneProtocol(String name, String space, String dataset, int channels, int cells,
    int epochs, int batchSize, double lr, double lrMin, double momentum, double weightDecay,
    double gradClip, int cropPadding, boolean horizontalFlip, long splitSeed, int trainLimit,
    int validImages, int testLimit, int threads) {

  /**
   * Fashion-MNIST's training images in each half of the 50/50 split: the super-net half the
   * stand-alone network trains on, and the rank half its validation images come from. A train
   * limit or validation count past it cannot be honoured.
   */
  public static final int FASHION_MNIST_HALF_IMAGES = 30_000;
  /** Fashion-MNIST's test images: a test limit at or past it scores them all. */
  public static final int FASHION_MNIST_TEST_IMAGES = 10_000;
  /** Fashion-MNIST images are 28x28 grey; its reader keeps no constant for the side. */
  private static final int FASHION_MNIST_SIDE = 28;
  /**
   * The space of a protocol that names none: every protocol, store row and table written before
   * protocols named their space trains NAS-Bench-201 cells.
   */
  public static final String DEFAULT_SPACE = "nb201";

  public StandaloneProtocol {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("protocol name \"" + name
          + "\" is not allowed (1-64 letters, digits, '.', '_' or '-')");
    }
    try {
      SearchSpaces.byName(space);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("stand-alone protocol " + name + ": " + e.getMessage(),
          e);
    }
    check(name, channels >= 1, "channels", channels, ">= 1");
    check(name, cells >= 1, "cells", cells, ">= 1");
    check(name, epochs >= 1, "epochs", epochs, ">= 1");
    check(name, batchSize >= 1, "batch size", batchSize, ">= 1");
    check(name, threads >= 1, "threads", threads, ">= 1");
    check(name, lr > 0, "lr", lr, "> 0");
    check(name, lrMin >= 0 && lrMin <= lr, "lr-min", lrMin, "in [0, lr]");
    check(name, momentum >= 0 && momentum < 1, "momentum", momentum, "in [0, 1)");
    check(name, weightDecay >= 0, "weight decay", weightDecay, ">= 0");
    check(name, gradClip > 0, "grad clip", gradClip, "> 0");
    check(name, cropPadding >= 0, "crop padding", cropPadding, ">= 0");
    check(name, trainLimit >= 0, "train limit", trainLimit, ">= 0 (0 = all)");
    check(name, testLimit >= 0, "test limit", testLimit, ">= 0 (0 = all)");
    check(name, validImages >= 1, "valid images", validImages, ">= 1");
  }

  private static void check(String protocol, boolean ok, String field, Number value,
      String expected) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "stand-alone protocol %s: %s must be %s, got %s", protocol, field, expected, value));
    }
  }

  /** The search space {@link #space} names. */
  public SearchSpace<?> searchSpace() {
    return SearchSpaces.byName(space);
  }

  /**
   * Checks that {@code s} is this protocol's space, before its architectures are trained, read
   * or written under this protocol's name.
   *
   * @throws IllegalArgumentException naming both spaces when it is another one
   */
  public void requireSpace(SearchSpace<?> s) {
    if (s != searchSpace()) {
      throw new IllegalArgumentException("stand-alone protocol " + name + " trains cells of "
          + space + " (" + searchSpace().id() + "), not of " + s.id());
    }
  }

  /** The network this protocol trains, whose cost the tables list. */
  public Skeleton skeleton() {
    return skeleton(dataset, channels, cells);
  }

  /**
   * The network with {@code channels} and {@code cells} on the images of {@code dataset}: the
   * one place that knows each data set's image shape, so the cost of an exported table and of an
   * imported published one are computed alike.
   *
   * @throws IllegalArgumentException for a data set whose image shape is not known here
   */
  public static Skeleton skeleton(String dataset, int channels, int cells) {
    if (dataset.equals(FashionMnistReader.NAME)) {
      return new Skeleton(1, FASHION_MNIST_SIDE, FASHION_MNIST_SIDE,
          FashionMnistReader.CLASSES, channels, cells);
    }
    if (dataset.equals(Cifar10BinaryReader.NAME)) {
      return new Skeleton(Cifar10BinaryReader.CHANNELS, Cifar10BinaryReader.SIDE,
          Cifar10BinaryReader.SIDE, Cifar10BinaryReader.CLASSES, channels, cells);
    }
    throw new IllegalArgumentException("no image shape known for data set \"" + dataset
        + "\" (known: " + FashionMnistReader.NAME + ", " + Cifar10BinaryReader.NAME + ")");
  }

  /** This protocol on only the first {@code limit} training images (name suffixed {@code -n<limit>}). */
  public StandaloneProtocol withTrainLimit(int limit) {
    return new StandaloneProtocol(name + "-n" + limit, space, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, limit, validImages, testLimit, threads);
  }

  /** This protocol scored on only the first {@code limit} test images (name suffixed {@code -t<limit>}). */
  public StandaloneProtocol withTestLimit(int limit) {
    return new StandaloneProtocol(name + "-t" + limit, space, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, trainLimit, validImages, limit, threads);
  }

  /** This protocol validated on {@code images} rank-half images (name suffixed {@code -v<images>}). */
  public StandaloneProtocol withValidImages(int images) {
    return new StandaloneProtocol(name + "-v" + images, space, dataset, channels, cells, epochs,
        batchSize, lr, lrMin, momentum, weightDecay, gradClip, cropPadding, horizontalFlip,
        splitSeed, trainLimit, images, testLimit, threads);
  }

  /**
   * This protocol run with {@code n} intra-op threads. The name is unchanged: on the CPU the
   * thread count only reorders float sums, so results agree to rounding, not bit for bit.
   */
  public StandaloneProtocol withThreads(int n) {
    return new StandaloneProtocol(name, space, dataset, channels, cells, epochs, batchSize, lr,
        lrMin,
        momentum, weightDecay, gradClip, cropPadding, horizontalFlip, splitSeed, trainLimit,
        validImages, testLimit, n);
  }

  /** {@link #fashionMnist(int, int)} with C=16: the default protocol of NB201 callers. */
  public static StandaloneProtocol fashionMnist(int epochs) {
    return fashionMnist(16, epochs);
  }

  /** {@link #fashionMnist(String, int, int)} of {@value #DEFAULT_SPACE} cells. */
  public static StandaloneProtocol fashionMnist(int channels, int epochs) {
    return fashionMnist(DEFAULT_SPACE, channels, epochs);
  }

  /**
   * A CPU-sized Fashion-MNIST protocol for cells of {@code space}: C={@code channels}, N=1, SGD
   * as in NAS-Bench-201 (lr 0.1 cosine, momentum 0.9, weight decay 5e-4), {@code epochs} epochs
   * over the super-net half. Its name is {@code fmnist-c<C>n1-e<epochs>}, after {@code <space>-}
   * for a space other than {@value #DEFAULT_SPACE}.
   *
   * @throws IllegalArgumentException naming {@code space} and the known ones when no space has
   *     that name
   */
  public static StandaloneProtocol fashionMnist(String space, int channels, int epochs) {
    int cells = 1;
    int batchSize = 128;
    double lr = 0.1;
    double lrMin = 0.0;
    double momentum = 0.9;
    double weightDecay = 5e-4;
    double gradClip = 5.0;
    int cropPadding = 2;
    boolean horizontalFlip = true;
    long splitSeed = 0;
    int allTrainImages = 0;
    int validImages = 5000;
    int allTestImages = 0;
    int threads = 2;
    String prefix = DEFAULT_SPACE.equals(space) ? "" : space + "-";
    return new StandaloneProtocol(prefix + "fmnist-c" + channels + "n1-e" + epochs, space,
        "fashion-mnist", channels, cells, epochs, batchSize, lr, lrMin, momentum, weightDecay,
        gradClip, cropPadding, horizontalFlip, splitSeed, allTrainImages, validImages,
        allTestImages, threads);
  }
}
