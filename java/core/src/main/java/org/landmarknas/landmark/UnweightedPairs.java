package org.landmarknas.landmark;

/** Every pair weighs 1: {@link PairWeights#unweighted()}. */
enum UnweightedPairs implements PairWeights {
  INSTANCE;

  @Override
  public double weight(LandmarkPair pair) {
    return 1.0;
  }

  @Override
  public String id() {
    return "none";
  }
}
