package org.landmarknas.torch;

import java.util.Arrays;
import org.landmarknas.config.NaoSize;
import org.landmarknas.space.SearchSpace;

/**
 * A NAO controller (Luo et al., NeurIPS 2018) over a space's fixed-length encoding: the
 * encoding's positions and the config's sizes. Token 0 is the decoder's start symbol, so value v
 * of a position is token v + 1 and the vocabulary is one more than the largest number of choices
 * (NB201: 5 ops, vocabulary 6).
 *
 * @param choices the number of values of each position, {@link SearchSpace#encodingChoices}
 * @param size the widths, depth and dropout ({@code search.nao-*})
 */
record NaoShape(int[] choices, NaoSize size) {

  NaoShape {
    choices = choices.clone();
  }

  /** The reference's NB201 settings (embedding 36, hidden 16, MLP 2 × 64, dropout 0.1). */
  static NaoShape of(SearchSpace<?> space) {
    return of(space, NaoSize.REFERENCE);
  }

  /** A controller of the config's {@code size} over the space's encoding. */
  static NaoShape of(SearchSpace<?> space, NaoSize size) {
    int[] choices = new int[space.encodingLength()];
    for (int i = 0; i < choices.length; i++) {
      choices[i] = space.encodingChoices(i);
    }
    return new NaoShape(choices, size);
  }

  /** The sequence length. */
  int length() {
    return choices.length;
  }

  /** Tokens: the start symbol and every value of the widest position. */
  int vocabulary() {
    return Arrays.stream(choices).max().orElse(0) + 1;
  }

  /** The encoder's token embedding width. */
  int embedding() {
    return size.embedding();
  }

  /** The width of both LSTMs, the attention and the decoder's embedding. */
  int hidden() {
    return size.hidden();
  }

  /** Hidden layers of the predictor's MLP. */
  int mlpLayers() {
    return size.mlpLayers();
  }

  /** Their width. */
  int mlpHidden() {
    return size.mlpHidden();
  }

  /** Applied to embeddings and MLP activations while training. */
  double dropout() {
    return size.dropout();
  }

  @Override
  public int[] choices() {
    return choices.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NaoShape s && Arrays.equals(choices, s.choices) && size.equals(s.size);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(choices) * 31 + size.hashCode();
  }

  @Override
  public String toString() {
    return "NaoShape" + Arrays.toString(choices) + " " + size;
  }
}
