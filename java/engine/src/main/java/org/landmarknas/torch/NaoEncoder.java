package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.dropout;
import static org.bytedeco.pytorch.global.torch.relu;
import static org.bytedeco.pytorch.global.torch.sigmoid;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * NAO's encoder and performance predictor: token embedding, a one-layer LSTM whose outputs,
 * L2-normalised per position, are the continuous representation of an architecture, and an MLP
 * with a sigmoid on their normalised mean (the architecture embedding). As the reference, the
 * predictor sees the outputs only through that mean, so a gradient of the prediction moves every
 * position's output.
 */
final class NaoEncoder extends Module {
  private final EmbeddingImpl embedding;
  private final LSTMImpl lstm;
  private final LinearImpl[] mlp;
  private final LinearImpl regressor;
  private final double dropout;

  NaoEncoder(NaoShape shape) {
    embedding = register_module("embedding",
        new EmbeddingImpl(shape.vocabulary(), shape.embedding()));
    LSTMOptions options = new LSTMOptions(shape.embedding(), shape.hidden());
    options.batch_first().put(true);
    lstm = register_module("lstm", new LSTMImpl(options));
    mlp = new LinearImpl[shape.mlpLayers()];
    int in = shape.hidden();
    for (int i = 0; i < mlp.length; i++) {
      mlp[i] = register_module("mlp" + i, new LinearImpl(in, shape.mlpHidden()));
      in = shape.mlpHidden();
    }
    regressor = register_module("regressor", new LinearImpl(in, 1));
    dropout = shape.dropout();
  }

  /** The normalised LSTM outputs, [batch, length, hidden], of tokens [batch, length]. */
  Tensor outputs(Tensor tokens, boolean training) {
    Tensor x = dropout(embedding.forward(tokens), dropout, training);
    return normalize(lstm.forward(x).get0());
  }

  /** The architecture embedding: the normalised mean of {@code outputs} over positions. */
  static Tensor archEmbedding(Tensor outputs) {
    return normalize(outputs.mean(new long[] {1}, false, new ScalarTypeOptional()));
  }

  /** The predicted (normalised) score in (0, 1) of each architecture, [batch]. */
  Tensor predict(Tensor outputs, boolean training) {
    Tensor h = archEmbedding(outputs);
    for (LinearImpl layer : mlp) {
      h = dropout(relu(layer.forward(h)), dropout, training);
    }
    return sigmoid(regressor.forward(h)).view(-1);
  }

  /** x / max(‖x‖₂, 1e-12) along the last dimension, as PyTorch's {@code F.normalize}. */
  static Tensor normalize(Tensor x) {
    Tensor norm = x.pow(new Scalar(2.0))
        .sum(new long[] {-1}, true, new ScalarTypeOptional()).sqrt()
        .clamp_min(new Scalar(1e-12));
    return x.div(norm);
  }
}
