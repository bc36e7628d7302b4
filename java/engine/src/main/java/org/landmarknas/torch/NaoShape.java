package org.landmarknas.torch;

import java.util.Arrays;
import org.landmarknas.config.NaoSize;
import org.landmarknas.space.SearchSpace;

/**
 * The sizes of a NAO controller (Luo et al., NeurIPS 2018) over a space's fixed-length encoding.
 * Token 0 is the decoder's start symbol, so value v of a position is token v + 1 and the
 * vocabulary is one more than the largest number of choices (NB201: 5 ops, vocabulary 6).
 *
 * @param choices the number of values of each position, {@link SearchSpace#encodingChoices}
 * @param embedding the encoder's token embedding width
 * @param hidden the width of both LSTMs, the attention and the decoder's embedding
 * @param mlpLayers hidden layers of the predictor's MLP
 * @param mlpHidden their width
 * @param dropout applied to embeddings and MLP activations while training
 */
record NaoShape(int[] choices, int embedding, int hidden, int mlpLayers, int mlpHidden,
    double dropout) {

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
    return new NaoShape(choices, size.embedding(), size.hidden(), size.mlpLayers(),
        size.mlpHidden(), size.dropout());
  }

  /** The sequence length. */
  int length() {
    return choices.length;
  }

  /** Tokens: the start symbol and every value of the widest position. */
  int vocabulary() {
    return Arrays.stream(choices).max().orElse(0) + 1;
  }

  @Override
  public int[] choices() {
    return choices.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NaoShape s && Arrays.equals(choices, s.choices)
        && embedding == s.embedding && hidden == s.hidden && mlpLayers == s.mlpLayers
        && mlpHidden == s.mlpHidden && dropout == s.dropout;
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(choices) * 31 + hidden) * 31 + embedding;
  }

  @Override
  public String toString() {
    return "NaoShape" + Arrays.toString(choices) + " emb " + embedding + " hidden " + hidden;
  }
}
