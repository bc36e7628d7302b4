package org.landmarknas.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.landmarknas.run.AtomicFile;

/**
 * The report's plots, drawn with XChart and written as PNG. Each factory returns empty when no
 * run has the data for it, so the caller can note the skip instead of writing an empty chart.
 *
 * <p>Rendering is headless: {@link #write} sets {@code java.awt.headless=true} before the first
 * AWT call, so reports render on machines without a display.
 */
final class ReportCharts {

  static {
    ensureHeadless(); // before the Font constants below touch AWT
  }

  static final int WIDTH = 1000;
  static final int HEIGHT = 620;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  /**
   * Ten well-separated colours (matplotlib's "tab10"); XChart's default palette has a yellow
   * that vanishes on white. With four markers cycling alongside, 20 runs stay distinguishable.
   */
  private static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};
  private static final Marker[] MARKERS = {
      SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
      SeriesMarkers.TRIANGLE_UP};

  /** Above this many epochs on the x axis, ticks go at round numbers instead of every epoch. */
  private static final int MAX_EPOCH_TICKS = 30;
  /** Above this many points, a series is drawn as a plain line; markers would merge into a bar. */
  private static final int MAX_MARKED_POINTS = 60;

  private ReportCharts() {}

  /** S-KdT vs epoch, one line per run that logged S-KdT (Figure 3 of the landmark paper). */
  static Optional<XYChart> skdtVsEpoch(List<RunSummary> runs) {
    XYChart chart = lineChart("Sparse Kendall tau (S-KdT) of the evaluation pool vs epoch",
        "epoch", "S-KdT");
    if (!addEpochSeries(chart, runs, EpochMetrics::skdt)) {
      return Optional.empty();
    }
    roundEpochTicks(chart);
    return Optional.of(chart);
  }

  /**
   * S-KdT vs epoch, one line per group: the mean over the group's runs at each epoch where every
   * one of them logged S-KdT, with the sample standard deviation as error bars (Figure 3 of the
   * landmark paper, which plots arms, not seeds). Empty unless some group has two runs.
   */
  static Optional<XYChart> skdtVsEpochByGroup(List<GroupSummary> groups) {
    XYChart chart = lineChart("S-KdT of the evaluation pool vs epoch (mean \u00b1 std over seeds)",
        "epoch", "S-KdT");
    boolean several = false;
    for (GroupSummary g : groups) {
      List<double[]> curve = SkdtCurve.of(g);
      if (curve.isEmpty()) {
        continue;
      }
      several |= g.runs().size() > 1;
      double[] x = new double[curve.size()];
      double[] y = new double[curve.size()];
      double[] err = new double[curve.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = curve.get(i)[0];
        y[i] = curve.get(i)[1];
        err[i] = curve.get(i)[2];
      }
      chart.addSeries(g.group() + " (" + g.runs().size() + (g.runs().size() == 1 ? " run)"
          : " runs)"), x, y, err);
    }
    if (!several) {
      return Optional.empty();
    }
    roundEpochTicks(chart);
    return Optional.of(chart);
  }

  /** Training loss vs epoch, one line per run. */
  static Optional<XYChart> trainLoss(List<RunSummary> runs) {
    XYChart chart = lineChart("Super-net training loss vs epoch", "epoch", "training loss");
    if (!addEpochSeries(chart, runs, EpochMetrics::trainLoss)) {
      return Optional.empty();
    }
    roundEpochTicks(chart);
    return Optional.of(chart);
  }

  /**
   * Super-net accuracy (x, %) against stand-alone ground truth (y, %) of a run's pool (Figure 1
   * of the landmark paper); empty without a pool.
   */
  static Optional<XYChart> scatter(RunSummary run) {
    List<PoolEntry> pool = run.run().pool();
    if (pool.isEmpty()) {
      return Optional.empty();
    }
    OptionalDouble skdt = run.finalSkdt();
    String title = String.format(Locale.ROOT, "%s: super-net vs stand-alone accuracy, S-KdT %s"
        + " (n = %d)", run.label(), skdt.isPresent()
            ? String.format(Locale.ROOT, "%.3f", skdt.getAsDouble()) : "n/a", pool.size());
    XYChart chart = scatterChart(title, "super-net accuracy (%)",
        "stand-alone ground-truth accuracy (%)");
    chart.getStyler().setLegendVisible(false);
    double[] x = new double[pool.size()];
    double[] y = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      x[i] = pool.get(i).supernetPercent();
      y[i] = pool.get(i).groundTruth();
    }
    addPoints(chart, "pool", x, y, 0);
    return Optional.of(chart);
  }

  /** An empty scatter chart in the report's style, legend inside the plot. */
  static XYChart scatterChart(String title, String xTitle, String yTitle) {
    ensureHeadless();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(chart);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setMarkerSize(8);
    return chart;
  }

  /** Points in the palette's {@code colour}-th colour, translucent so overlaps stay visible. */
  static XYSeries addPoints(XYChart chart, String name, double[] x, double[] y, int colour) {
    Color c = PALETTE[colour % PALETTE.length];
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(MARKERS[colour % MARKERS.length]);
    s.setMarkerColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 170));
    return s;
  }

  /** The line y = x across {@code [lo, hi]}, grey, for charts of two measures of one thing. */
  static void addDiagonal(XYChart chart, double lo, double hi) {
    XYSeries d = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
    d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    d.setMarker(SeriesMarkers.NONE);
    d.setLineColor(Color.GRAY);
    d.setLineStyle(SeriesLines.DASH_DASH);
  }

  /**
   * λ (left axis) and the landmark ranking loss (right axis) vs epoch of one run; empty when
   * the run logged no λ.
   */
  static Optional<XYChart> lambda(RunSummary run) {
    if (!run.run().hasLambda()) {
      return Optional.empty();
    }
    return Optional.of(twoAxes(run.label() + ": landmark weight and ranking loss vs epoch",
        "λ", series(run.run().epochs(), EpochMetrics::lambda), "landmark loss",
        series(run.run().epochs(), EpochMetrics::landmarkLoss)));
  }

  /**
   * The sampling policy's own figures by epoch. GDAS: its temperature τ and the mean entropy of
   * softmax(α), whether α settled (the entropy falls from ln 5 as τ anneals) or stayed uniform.
   * NAO: its controller's loss at each point and the size of the pool the weights trained on.
   * Empty for SPOS runs.
   */
  static Optional<XYChart> policy(RunSummary run) {
    List<EpochMetrics> epochs = run.run().epochs();
    Series tau = series(epochs, e -> e.value(EpochMetrics.TAU));
    if (tau.x().length > 0) {
      return Optional.of(twoAxes(run.label() + ": GDAS temperature and α entropy vs epoch",
          "τ", tau, "α entropy (nats)",
          series(epochs, e -> e.value(EpochMetrics.ALPHA_ENTROPY))));
    }
    Series pool = series(epochs, e -> e.value(EpochMetrics.NAO_POOL));
    if (pool.x().length > 0) {
      return Optional.of(twoAxes(run.label() + ": NAO pool size and controller loss vs epoch",
          "pool size", pool, "controller loss",
          series(epochs, e -> e.value(EpochMetrics.CONTROLLER_LOSS))));
    }
    return Optional.empty();
  }

  /** {@code left} on the left axis and, when it has points, {@code right} on the right one. */
  private static XYChart twoAxes(String title, String leftName, Series left, String rightName,
      Series right) {
    XYChart chart = lineChart(title, "epoch", leftName);
    // below the plot: inside, it would hide the start of a falling curve or the end of a rising
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    XYSeries l = chart.addSeries(leftName + " (left axis)", left.x(), left.y());
    l.setMarker(left.x().length > MAX_MARKED_POINTS ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
    l.setLineColor(PALETTE[0]);
    l.setMarkerColor(PALETTE[0]);
    if (right.x().length > 0) {
      XYSeries r = chart.addSeries(rightName + " (right axis)", right.x(), right.y());
      r.setYAxisGroup(1);
      r.setMarker(right.x().length > MAX_MARKED_POINTS ? SeriesMarkers.NONE
          : SeriesMarkers.DIAMOND);
      r.setLineColor(PALETTE[3]);
      r.setMarkerColor(PALETTE[3]);
      chart.setYAxisGroupTitle(1, rightName);
      chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
      // XChart's default pattern writes 0.05 as ".05"
      chart.getStyler().setYAxisDecimalPattern("0.###");
    }
    roundEpochTicks(chart);
    return chart;
  }

  /**
   * Writes {@code chart} as a PNG file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  static void write(XYChart chart, Path file) {
    try {
      // atomic, like the table: a report rewritten over an old one never shows half a plot
      AtomicFile.write(file, tmp -> {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write %s (%s)", file,
          e.getMessage()), e);
    }
  }

  /** Sets {@code java.awt.headless=true} unless the user chose otherwise on the command line. */
  static void ensureHeadless() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static XYChart lineChart(String title, String xTitle, String yTitle) {
    ensureHeadless();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    style(chart);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return chart;
  }

  private static void style(XYChart chart) {
    ensureHeadless();
    chart.getStyler().setChartTitleFont(TITLE_FONT);
    chart.getStyler().setAxisTitleFont(AXIS_TITLE_FONT);
    chart.getStyler().setAxisTickLabelsFont(TICK_FONT);
    chart.getStyler().setLegendFont(LEGEND_FONT);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(true);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setSeriesColors(PALETTE);
    chart.getStyler().setSeriesMarkers(MARKERS);
  }

  /** Adds one series per run that has the value; whether any was added. */
  private static boolean addEpochSeries(XYChart chart, List<RunSummary> runs,
      Function<EpochMetrics, OptionalDouble> value) {
    boolean any = false;
    for (RunSummary run : runs) {
      Series s = series(run.run().epochs(), value);
      if (s.x().length > 0) {
        XYSeries xy = chart.addSeries(run.label(), s.x(), s.y());
        if (s.x().length > MAX_MARKED_POINTS) {
          xy.setMarker(SeriesMarkers.NONE);
        }
        any = true;
      }
    }
    return any;
  }

  /**
   * XChart puts x ticks on the data points when the x values are equally spaced (1, 14, 27, ...
   * for 400 epochs). Past {@value #MAX_EPOCH_TICKS} epochs, an invisible one-point series off the
   * grid breaks the spacing, so XChart picks round ticks (0, 50, 100, ...) instead.
   */
  private static void roundEpochTicks(XYChart chart) {
    TreeSet<Double> xs = new TreeSet<>();
    XYSeries first = null;
    for (XYSeries s : chart.getSeriesMap().values()) {
      for (double x : s.getXData()) {
        xs.add(x);
      }
      if (first == null && s.getYAxisGroup() == 0 && s.getXData().length > 0) {
        first = s;
      }
    }
    if (xs.size() <= MAX_EPOCH_TICKS || first == null) {
      return;
    }
    double x = (xs.first() + xs.higher(xs.first())) / 2;
    XYSeries anchor = chart.addSeries("\u200b", new double[] {x},
        new double[] {first.getYData()[0]});
    anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    anchor.setMarker(SeriesMarkers.NONE);
    anchor.setLineStyle(SeriesLines.NONE);
    anchor.setShowInLegend(false);
  }

  private static Series series(List<EpochMetrics> epochs,
      Function<EpochMetrics, OptionalDouble> value) {
    List<double[]> points = new ArrayList<>();
    for (EpochMetrics e : epochs) {
      OptionalDouble v = value.apply(e);
      if (v.isPresent()) {
        points.add(new double[] {e.epoch(), v.getAsDouble()});
      }
    }
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
    }
    return new Series(x, y);
  }

  /** Parallel x and y arrays of one series; a class, not a record, because it holds arrays. */
  private static final class Series {
    private final double[] x;
    private final double[] y;

    Series(double[] x, double[] y) {
      this.x = x;
      this.y = y;
    }

    double[] x() {
      return x;
    }

    double[] y() {
      return y;
    }
  }
}
