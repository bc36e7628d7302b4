package org.landmarknas.nativekernels;

import static org.bytedeco.pytorch.global.torch.empty;
import static org.bytedeco.pytorch.global.torch.grad;
import static org.bytedeco.pytorch.global.torch.softplus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Device;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * The kernels on libtorch tensors: CPU tensors go to the C++ library without copies, and its
 * results equal libtorch's own (the composed ranking loss differentiated by autograd) and the
 * array facades'; bad tensors are refused naming the argument; CUDA is chosen by device.
 */
final class TensorKernelsTest {

  private static final TensorKernels KERNELS = TensorKernels.onDefaultStream();

  private static Tensor tensor(ScalarType type, long n) {
    return empty(new long[] {n}, new TensorOptions(type), new MemoryFormatOptional());
  }

  private static Tensor doubles(double[] v, ScalarType type) {
    Tensor t = tensor(type, v.length);
    for (int i = 0; i < v.length; i++) {
      if (type == ScalarType.Double) {
        t.data_ptr_double().put(i, v[i]);
      } else {
        t.data_ptr_float().put(i, (float) v[i]);
      }
    }
    return t;
  }

  private static Tensor ints(int[] v, ScalarType type) {
    Tensor t = tensor(type, v.length);
    for (int i = 0; i < v.length; i++) {
      if (type == ScalarType.Int) {
        t.data_ptr_int().put(i, v[i]);
      } else {
        t.data_ptr_long().put(i, v[i]);
      }
    }
    return t;
  }

  private static double[] read(Tensor t) {
    double[] out = new double[(int) t.numel()];
    Tensor d = t.to(ScalarType.Double).contiguous();
    d.data_ptr_double().get(out);
    return out;
  }

  /** R composed of libtorch ops, as the engine would write it without the kernel. */
  private static Tensor composed(NativeRankingLoss loss, Tensor losses, Tensor better,
      Tensor worse, Tensor weights) {
    Tensor x = losses.index_select(0, better.to(ScalarType.Long))
        .sub(losses.index_select(0, worse.to(ScalarType.Long)));
    Tensor f = switch (loss.kind()) {
      case HINGE -> x.relu();
      case MARGIN_HINGE -> x.add(new Scalar(loss.param())).relu();
      // threshold 50: above it libtorch returns x, off by log1p(exp(-50)) = 2e-22
      case SOFTPLUS -> softplus(x, new Scalar(loss.param()), new Scalar(50.0));
    };
    return (weights == null ? f : f.mul(weights)).mean();
  }

  @Test
  void rankingLoss_cpuTensors_equalAutogradOfTheComposedLibtorchLoss() {
    SplittableRandom rng = new SplittableRandom(7);
    NativeRankingLoss[] losses = {NativeRankingLoss.hinge(), NativeRankingLoss.marginHinge(0.3),
        NativeRankingLoss.softplus(2.5)};
    for (ScalarType type : new ScalarType[] {ScalarType.Double, ScalarType.Float}) {
      for (NativeRankingLoss loss : losses) {
        for (boolean weighted : new boolean[] {false, true}) {
          int n = 2 + rng.nextInt(30);
          int m = 1 + rng.nextInt(60);
          double[] l = new double[n];
          for (int k = 0; k < n; k++) {
            l[k] = rng.nextDouble(-2, 2);
          }
          int[] b = new int[m];
          int[] w = new int[m];
          double[] wt = new double[m];
          for (int p = 0; p < m; p++) {
            b[p] = rng.nextInt(n); // repeats and either order: the kernel allows both
            w[p] = rng.nextInt(n);
            wt[p] = rng.nextDouble(0.1, 3);
          }
          Tensor lt = doubles(l, type);
          Tensor bt = ints(b, ScalarType.Int);
          Tensor wtIdx = ints(w, ScalarType.Int);
          Tensor weights = weighted ? doubles(wt, type) : null;

          TensorKernels.RankingLoss got = KERNELS.rankingLoss(loss, lt, bt, wtIdx, weights);

          Tensor leaf = lt.clone().set_requires_grad(true);
          Tensor r = composed(loss, leaf, bt, wtIdx, weights);
          double[] expectedGrad = read(grad(new TensorVector(r), new TensorVector(leaf)).get(0));
          double tol = type == ScalarType.Double ? 1e-12 : 2e-6;
          String what = type + " " + loss + (weighted ? " weighted" : "") + " n=" + n + " m=" + m;
          assertEquals(r.item_double(), got.value(), tol * Math.max(1, Math.abs(r.item_double())),
              what);
          assertEquals(String.valueOf(type), String.valueOf(got.grad().scalar_type()), what);
          assertArrayEquals(expectedGrad, read(got.grad()), tol, what);
        }
      }
    }
  }

  @Test
  void kendallAndSparseKendall_cpuTensors_equalTheArrayFacades() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int n : new int[] {2, 3, 17, 200}) {
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextInt(5); // many ties
        y[i] = rng.nextInt(1000) / 1000.0;
      }
      assertEquals(NativeKendallTau.tauB(x, y),
          KERNELS.kendallTauB(doubles(x, ScalarType.Double), doubles(y, ScalarType.Double)),
          0.0, "tau-b n=" + n);
      assertEquals(NativeSparseKendallTau.ofFractions(x, y),
          KERNELS.sparseKendallTau(doubles(x, ScalarType.Double), doubles(y, ScalarType.Double)),
          0.0, "S-KdT n=" + n);
    }
  }

  @Test
  void augmentBatch_cpuTensors_equalsTheArrayFill() {
    SplittableRandom rng = new SplittableRandom(3);
    int count = 9;
    int c = 3;
    int h = 8;
    int w = 6;
    int per = c * h * w;
    byte[] pixels = new byte[count * per];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) rng.nextInt(256);
    }
    NativeBatchAugmentation aug = new NativeBatchAugmentation(c, h, w,
        NativeBatchAugmentation.normalizationTable(new double[] {0.2, 0.3, 0.4},
            new double[] {0.3, 0.25, 0.2}), 2);
    int batch = 7;
    int[] index = new int[batch];
    int[] dy = new int[batch];
    int[] dx = new int[batch];
    boolean[] flip = new boolean[batch];
    for (int k = 0; k < batch; k++) {
      index[k] = rng.nextInt(count);
      dy[k] = rng.nextInt(-2, 3);
      dx[k] = rng.nextInt(-2, 3);
      flip[k] = rng.nextBoolean();
    }
    float[] expected = new float[batch * per];
    aug.fill(pixels, index, dy, dx, flip, batch, expected);

    Tensor images = empty(new long[] {count, c, h, w}, new TensorOptions(ScalarType.Byte),
        new MemoryFormatOptional());
    images.data_ptr_byte().put(pixels, 0, pixels.length);
    Tensor out = empty(new long[] {batch + 2, c, h, w}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional());
    KERNELS.augmentBatch(aug, images, index, dy, dx, flip, batch, out);
    float[] got = new float[batch * per];
    out.data_ptr_float().get(got);
    assertArrayEquals(expected, got);

    index[4] = count;
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.augmentBatch(aug, images, index, dy, dx, flip, batch, out));
    assertTrue(bad.getMessage().contains("batch entry 4 is image 9"), bad.getMessage());
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.augmentBatch(aug, images, index, dy, dx, flip, batch + 3, out));
    assertTrue(shape.getMessage().contains("out must be a contiguous Float tensor [>= 10, 3, 8, 6],"
        + " got Float [9, 3, 8, 6]"), shape.getMessage());
  }

  @Test
  void badTensors_refusedNamingTheArgument() {
    Tensor l = doubles(new double[] {0.5, 0.1, 0.9}, ScalarType.Float);
    Tensor b = ints(new int[] {0, 2}, ScalarType.Int);
    Tensor w = ints(new int[] {1, 0}, ScalarType.Int);
    NativeRankingLoss hinge = NativeRankingLoss.hinge();

    IllegalArgumentException longIdx = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.rankingLoss(hinge, l, ints(new int[] {0, 2}, ScalarType.Long), w, null));
    assertEquals("ranking loss on tensors: better must be a non-empty contiguous 1-D Int tensor,"
        + " got Long [2]", longIdx.getMessage());

    Tensor grid = doubles(new double[] {1, 2, 3, 4, 5, 6}, ScalarType.Float).view(3, 2);
    IllegalArgumentException strided = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.rankingLoss(hinge, grid.select(1, 0), b, w, null));
    assertTrue(strided.getMessage().contains("losses must be a non-empty contiguous 1-D Float or"
        + " Double tensor, got Float [3] (not contiguous)"), strided.getMessage());

    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.rankingLoss(hinge, l, b, w, doubles(new double[] {1, 1}, ScalarType.Double)));
    assertTrue(mixed.getMessage().contains("weights must be a non-empty contiguous 1-D Float"),
        mixed.getMessage());

    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.rankingLoss(hinge, l, b, ints(new int[] {1}, ScalarType.Int), null));
    assertEquals("ranking loss on tensors: better has 2 entries but worse has 1",
        lengths.getMessage());

    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.rankingLoss(hinge, l, ints(new int[] {0, 3}, ScalarType.Int), w, null));
    assertTrue(range.getMessage().contains("pair 1") && range.getMessage().contains("outside 3"),
        range.getMessage());

    Tensor meta = empty(new long[] {3}, new TensorOptions(new Device("meta")),
        new MemoryFormatOptional()).to(ScalarType.Double);
    IllegalArgumentException device = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.kendallTauB(meta, meta));
    assertEquals("Kendall tau-b on tensors: tensors on device meta; the kernels run on cpu and"
        + " cuda tensors", device.getMessage());
    Tensor cpu = doubles(new double[] {1, 2, 3}, ScalarType.Double);
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
        () -> KERNELS.kendallTauB(cpu, meta));
    assertEquals("Kendall tau-b on tensors: tensors on different devices (cpu and meta); move"
        + " them to one", two.getMessage());
  }

  @Test
  void backend_chosenByDevice_cudaSaysHowToBuildItWhenAbsent() {
    assertTrue(TensorKernels.backendName(new Device("cpu")).startsWith("cpu"));
    String reason = TensorKernels.cudaUnavailableReason();
    if (reason == null) {
      assertTrue(TensorKernels.backendName(new Device("cuda:0")).startsWith("cuda"));
    } else {
      UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
          () -> TensorKernels.backendName(new Device("cuda:0")));
      assertTrue(e.getMessage().contains("on cuda:0") && e.getMessage().contains("-Pcuda"),
          e.getMessage());
    }
  }

  /** Only in a {@code -Pcuda} build: the binding reaches liblmnas_cuda (no GPU needed). */
  @Test
  void cudaBinding_whenBuilt_callsIntoTheCudaLibrary() {
    assumeTrue(TensorKernels.cudaUnavailableReason() == null,
        "the CUDA binding is built by -Pcuda only");
    // Host-side argument checks answer before any CUDA runtime call, so this runs without a GPU.
    assertEquals(LmnasKernels.EINVAL, LmnasCudaKernels.rankingLossF32(null, 1, null, null, null,
        1, LmnasKernels.HINGE, 0.0, null, null, null, null));
    assertEquals(LmnasKernels.EINVAL, LmnasCudaKernels.kendallTauB(null, null, 3,
        new double[1], null, null));
  }
}
