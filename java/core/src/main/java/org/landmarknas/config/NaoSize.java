package org.landmarknas.config;

/**
 * The sizes of NAO's controller (encoder, predictor, decoder), keys {@code search.nao-*}. The
 * defaults are the reference's NB201 settings; the other spaces' sequences are longer (NB101 26
 * entries, DARTS 32), where a wider controller may predict better, so the sizes are the config's.
 *
 * @param embedding the encoder's token embedding width (>= 1)
 * @param hidden the width of both LSTMs, the attention and the decoder's embedding (>= 1)
 * @param mlpLayers hidden layers of the performance predictor's MLP (>= 1)
 * @param mlpHidden their width (>= 1)
 * @param dropout on embeddings and MLP activations while the controller trains, in [0, 1)
 */
public record NaoSize(int embedding, int hidden, int mlpLayers, int mlpHidden, double dropout) {

  /** The reference's NB201 controller: embedding 36, hidden 16, MLP 2 × 64, dropout 0.1. */
  public static final NaoSize REFERENCE = new NaoSize(36, 16, 2, 64, 0.1);

  public NaoSize {
    KeyCheck.atLeast("search.nao-embedding", embedding, 1);
    KeyCheck.atLeast("search.nao-hidden", hidden, 1);
    KeyCheck.atLeast("search.nao-mlp-layers", mlpLayers, 1);
    KeyCheck.atLeast("search.nao-mlp-hidden", mlpHidden, 1);
    KeyCheck.inClosedOpen("search.nao-dropout", dropout, 0, 1);
  }
}
