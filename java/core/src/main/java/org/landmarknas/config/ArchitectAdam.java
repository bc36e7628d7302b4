package org.landmarknas.config;

/**
 * GDAS's architect: the Adam that updates α, keys {@code search.gdas-lr} and {@code
 * search.gdas-weight-decay} (betas stay AutoDL's 0.5/0.999). The defaults are the reference's,
 * tuned for hundreds of CIFAR-10 epochs; in a 16-epoch run they leave α close to uniform, so a
 * short run may want a larger rate.
 *
 * @param lr the learning rate (> 0)
 * @param weightDecay L2 weight decay on α (>= 0)
 */
public record ArchitectAdam(double lr, double weightDecay) {

  /** AutoDL's GDAS: lr 3e-4, weight decay 1e-3. */
  public static final ArchitectAdam REFERENCE = new ArchitectAdam(3e-4, 1e-3);

  public ArchitectAdam {
    KeyCheck.positive("search.gdas-lr", lr);
    KeyCheck.nonNegative("search.gdas-weight-decay", weightDecay);
  }
}
