package org.landmarknas.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.run.AtomicFile;

/**
 * The parameters and buffers of a network's libtorch module by dotted path, and their file form:
 * what every {@link Supernet} saves and loads, whatever its space.
 *
 * @param module the module every parameter and buffer is registered on
 * @param shapeNote how the network's size reads in an error (e.g. {@code "C=8, N=1"})
 */
record ModuleWeights(Module module, String shapeNote) {

  /**
   * Parameters by dotted path, in registration order. The handles share storage and gradients
   * with the network's own.
   */
  Map<String, Tensor> namedParameters() {
    Map<String, Tensor> named = new LinkedHashMap<>();
    StringTensorDict dict = module.named_parameters(true);
    for (long i = 0; i < dict.size(); i++) {
      named.put(dict.get(i).key().getString(), new Tensor(dict.get(i).value()));
    }
    return named;
  }

  /** Parameters and buffers by dotted path: everything a checkpoint must hold. */
  Map<String, Tensor> namedState() {
    Map<String, Tensor> state = namedParameters();
    StringTensorDict buffers = module.named_buffers(true);
    for (long i = 0; i < buffers.size(); i++) {
      state.put(buffers.get(i).key().getString(), new Tensor(buffers.get(i).value()));
    }
    return state;
  }

  /**
   * A CRC-32 of every parameter and buffer, names and bytes in order: equal exactly when the
   * network computes the same function bit for bit (up to a CRC collision), whatever its memory
   * order or device.
   */
  long fingerprint() {
    CRC32 crc = new CRC32();
    try (PointerScope scope = new PointerScope()) {
      for (Map.Entry<String, Tensor> e : namedState().entrySet()) {
        crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        Tensor t = TorchDevice.toCpu(e.getValue().detach()).contiguous();
        byte[] bytes = new byte[Math.toIntExact(t.nbytes())];
        new BytePointer(t.data_ptr()).capacity(bytes.length).get(bytes);
        crc.update(bytes);
      }
    }
    return crc.getValue();
  }

  /**
   * Writes all parameters and buffers to {@code file} atomically (temporary file in the same
   * directory, then rename), so a crash never leaves a half-written model behind.
   */
  void save(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      AtomicFile.write(file, tmp -> {
        try (PointerScope scope = new PointerScope()) {
          OutputArchive archive = new OutputArchive();
          for (Map.Entry<String, Tensor> e : namedState().entrySet()) {
            archive.write(e.getKey(), e.getValue());
          }
          archive.save_to(tmp.toString());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write network weights to " + file, e);
    }
  }

  /**
   * Loads weights written by {@link #save}. Every tensor is checked (present, same shape) before
   * any is copied, so a mismatching file leaves the network untouched. (A bare libtorch {@code
   * Module::load} would silently replace tensors of other shapes.)
   *
   * @throws IllegalArgumentException naming the file and the first mismatch
   */
  void load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("network weights file " + file + " does not exist");
    }
    try (PointerScope scope = new PointerScope()) {
      InputArchive archive = new InputArchive();
      try {
        archive.load_from(file.toString());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot read network weights from " + file + ": "
            + firstLine(e.getMessage()), e);
      }
      Map<String, Tensor> target = namedState();
      Map<String, Tensor> loaded = new LinkedHashMap<>();
      for (Map.Entry<String, Tensor> e : target.entrySet()) {
        Tensor t = new Tensor();
        if (!archive.try_read(e.getKey(), t)) {
          throw new IllegalArgumentException("network weights file " + file + " lacks tensor "
              + e.getKey() + " (saved from a network of another shape or architecture?)");
        }
        long[] want = e.getValue().sizes().vec().get();
        long[] got = t.sizes().vec().get();
        if (!Arrays.equals(want, got)) {
          throw new IllegalArgumentException("network weights file " + file + ": tensor "
              + e.getKey() + " has shape " + Arrays.toString(got) + ", this network ("
              + shapeNote + ") needs " + Arrays.toString(want));
        }
        loaded.put(e.getKey(), t);
      }
      try (NoGradGuard noGrad = new NoGradGuard()) {
        for (Map.Entry<String, Tensor> e : target.entrySet()) {
          e.getValue().copy_(loaded.get(e.getKey()));
        }
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
