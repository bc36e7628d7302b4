package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cat;
import static org.bytedeco.pytorch.global.torch.dropout;
import static org.bytedeco.pytorch.global.torch.tanh;
import static org.bytedeco.pytorch.global.torch.zeros;

import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.LSTMImpl;
import org.bytedeco.pytorch.LSTMOptions;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LinearOptions;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.T_TensorT_TensorTensor_T_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * NAO's decoder: an LSTM started from the architecture embedding (as both hidden and cell state,
 * as the reference), with residual connections scaled by √½ around the LSTM and around a dot
 * attention over the encoder outputs, and a softmax over the tokens. Trained with teacher
 * forcing; generation decodes greedily, each position restricted to its own values.
 */
final class NaoDecoder extends Module {
  private static final double HALF_ROOT = Math.sqrt(0.5);
  private final EmbeddingImpl embedding;
  private final LSTMImpl lstm;
  private final LinearImpl inputProjection;
  private final LinearImpl outputProjection;
  private final LinearImpl out;
  private final double dropout;
  private final int[] choices;

  NaoDecoder(NaoShape shape) {
    int h = shape.hidden();
    embedding = register_module("embedding", new EmbeddingImpl(shape.vocabulary(), h));
    LSTMOptions options = new LSTMOptions(h, h);
    options.batch_first().put(true);
    lstm = register_module("lstm", new LSTMImpl(options));
    inputProjection = register_module("attention_in", new LinearImpl(noBias(h, h)));
    outputProjection = register_module("attention_out", new LinearImpl(noBias(2 * h, h)));
    out = register_module("out", new LinearImpl(h, shape.vocabulary()));
    dropout = shape.dropout();
    choices = shape.choices();
  }

  private static LinearOptions noBias(long in, long outputs) {
    LinearOptions o = new LinearOptions(in, outputs);
    o.bias().put(false);
    return o;
  }

  /**
   * Log-probabilities [batch, length, vocabulary] of the next token after each of {@code
   * inputs} [batch, length] (the start symbol, then the target shifted by one).
   */
  Tensor logProbs(Tensor inputs, Tensor archEmbedding, Tensor encoderOutputs, boolean training) {
    return step(inputs, initialState(archEmbedding), encoderOutputs, training).get0();
  }

  /**
   * Greedy decoding of each architecture: per position the most probable of its own values.
   *
   * @return values (not tokens), [batch][length]
   */
  int[][] greedy(Tensor archEmbedding, Tensor encoderOutputs) {
    int batch = (int) archEmbedding.size(0);
    int[][] values = new int[batch][choices.length];
    T_TensorTensor_T state = initialState(archEmbedding);
    Tensor input = zeros(new long[] {batch, 1}, new TensorOptions(ScalarType.Long));
    for (int i = 0; i < choices.length; i++) {
      T_TensorT_TensorTensor_T_T r = step(input, state, encoderOutputs, false);
      state = r.get1();
      Tensor logits = r.get0().select(1, 0);
      // tokens 1..choices[i] are this position's values; the others cannot be chosen
      Tensor allowed = logits.narrow(1, 1, choices[i]);
      Tensor pick = allowed.argmax(new LongOptional(1), false);
      long[] picked = new long[batch];
      pick.contiguous().data_ptr_long().get(picked);
      for (int b = 0; b < batch; b++) {
        values[b][i] = (int) picked[b];
      }
      input = pick.add(new Scalar(1)).view(batch, 1);
    }
    return values;
  }

  private static T_TensorTensor_T initialState(Tensor archEmbedding) {
    Tensor h0 = archEmbedding.unsqueeze(0).contiguous();
    return new T_TensorTensor_T(h0, h0);
  }

  /** Decodes {@code inputs} from {@code state}: log-probabilities and the state after. */
  private T_TensorT_TensorTensor_T_T step(Tensor inputs, T_TensorTensor_T state,
      Tensor encoderOutputs, boolean training) {
    Tensor x = dropout(embedding.forward(inputs), dropout, training);
    T_TensorT_TensorTensor_T_T r = lstm.forward(x, state);
    Tensor y = x.add(r.get0()).mul(new Scalar(HALF_ROOT));
    y = y.add(attend(y, encoderOutputs)).mul(new Scalar(HALF_ROOT));
    Tensor logProbs = out.forward(y).log_softmax(-1);
    return new T_TensorT_TensorTensor_T_T(logProbs, r.get1());
  }

  /** Dot attention of each decoder position over the encoder outputs, then tanh(W[mix; y]). */
  private Tensor attend(Tensor y, Tensor source) {
    Tensor weights = inputProjection.forward(y).bmm(source.transpose(1, 2)).softmax(-1);
    Tensor mix = weights.bmm(source);
    return tanh(outputProjection.forward(cat(new TensorVector(mix, y), 2)));
  }
}
