package org.lstmrepro.reports.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes {@code gradient-flow.md}: the numbers behind the plots of a {@link FlowReport} (norms at lags 1,
 * 10, 50, 100, spectral radii, gate means) with a short explanation of what each plot shows and why.
 */
public final class FlowMarkdown {

    /** The lags the tables show (those a curve reaches), and its largest lag. */
    static final int[] LAGS = {1, 10, 50, 100};

    private FlowMarkdown() {
    }

    /** Writes {@code dir/gradient-flow.md} and returns its path. */
    public static Path write(FlowReport report, Path dir) {
        Path file = dir.resolve("gradient-flow.md");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The markdown text. */
    public static String render(FlowReport report) {
        StringBuilder md = new StringBuilder();
        FlowSettings s = report.settings();
        md.append("# Gradient flow on ").append(report.taskDescription()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Seed %d; curves averaged over the first %d test sequences (test seed %d);"
                + " gate statistics over the first %d. See docs/gradient-flow.md for how to read every plot.%n%n",
                s.seed(), s.flowSequences(), s.testSeed(), s.gateSequences()));
        errorFlow(report, md);
        radii(report, md);
        exploding(report, md);
        gates(report, md);
        return md.toString();
    }

    private static void errorFlow(FlowReport report, StringBuilder md) {
        md.append("## Error signal against the lag (`error-flow-init.png`, `error-flow-trained.png`)\n\n");
        md.append("Only the error of the last step T is injected; the backward pass then carries dE(T)/d(state at t)"
                + " back step by step. Left panel: the recurrent state (the cell state s or c; h for the simple RNN);"
                + " right panel: the hidden output (y^c, y or h). Log scale: a straight falling line is exponential"
                + " decay, the vanishing gradient (Hochreiter and Schmidhuber 1997, section 3). Under the 1997"
                + " truncated rule (`truncated1997`) error flows back only through the CEC, whose factor is exactly 1,"
                + " so the cell-state error is constant over the lag and nothing flows into the hidden outputs"
                + " (their curve is zero and does not appear on the log scale). Full BPTT (`bptt`) adds the paths"
                + " through the recurrent weights; with a forget gate the CEC factor is f_t < 1 (Greff et al. 2015:"
                + " the term δc_{t+1} ⊙ f_{t+1}), so the cell-state error decays as the product of the forget-gate"
                + " activations; without it (NFG) the carousel is closed again.\n\n");
        for (ModelFlow m : report.models()) {
            md.append("**").append(m.model()).append("** — last stage: ").append(m.stageDetail()).append("\n\n");
            List<FlowCurve> curves = new ArrayList<>(m.initial());
            curves.addAll(m.trained());
            int maxLag = curves.stream().mapToInt(FlowCurve::maxLag).min().orElse(0);
            int[] lags = lagsUpTo(maxLag);
            md.append("| curve | part |");
            for (int lag : lags) {
                md.append(" lag ").append(lag).append(" |");
            }
            md.append(" last / first |\n|---|---|").append("---:|".repeat(lags.length + 1)).append("\n");
            for (FlowCurve c : curves) {
                if (c.hasCellState()) {
                    row(md, c.label(), "cell state", c.cell(), lags);
                }
                row(md, c.label(), "hidden output", c.hidden(), lags);
            }
            md.append("\n");
        }
    }

    private static void row(StringBuilder md, String label, String part, double[] norms, int[] lags) {
        md.append("| ").append(label).append(" | ").append(part).append(" |");
        for (int lag : lags) {
            md.append(' ').append(number(norms[lag])).append(" |");
        }
        double first = norms[lags[0]];
        double last = norms[lags[lags.length - 1]];
        md.append(' ').append(first == 0 ? "–" : number(last / first)).append(" |\n");
    }

    private static void radii(FlowReport report, StringBuilder md) {
        md.append("## Spectral radii of the recurrent matrices\n\n");
        md.append("Backpropagated error is multiplied at every step by the transposed recurrent matrix (and by the"
                + " activation derivatives, at most 1 for tanh, 1/4 for the logistic sigmoid). A spectral radius below"
                + " 1 (times those derivatives) makes it vanish exponentially with the lag; above 1 it can grow.\n\n");
        md.append("| model | matrix | at initialisation | last stage |\n|---|---|---:|---:|\n");
        for (ModelFlow m : report.models()) {
            for (Map.Entry<String, double[]> e : m.radii().entrySet()) {
                md.append("| ").append(m.model()).append(" | ").append(e.getKey()).append(" | ")
                        .append(number(e.getValue()[0])).append(" | ")
                        .append(Double.isNaN(e.getValue()[1]) ? "–" : number(e.getValue()[1])).append(" |\n");
            }
        }
        md.append("\n");
    }

    private static void exploding(FlowReport report, StringBuilder md) {
        if (report.exploding().isEmpty()) {
            return;
        }
        md.append("## Exploding gradients and clipping (`exploding.png`)\n\n");
        md.append("Each network is taken at initialisation with every recurrent block scaled to the given spectral"
                + " radius, and measured under full BPTT (the 1997 truncated rule cuts the recurrent paths along"
                + " which error explodes). Left: the error against the lag, as above. A radius above 1 is necessary"
                + " for growth, not sufficient: saturated units (tanh' near 0) can still make the error vanish."
                + " Right: the norm of the whole weight gradient for each of a set of sequences (circles), and after"
                + " global-norm clipping (dashed, Pascanu et al. 2013): a gradient longer than the threshold (dotted"
                + " black line) is rescaled to the threshold, its direction kept, so no single sequence can throw the"
                + " weights far away. Clipping does not make vanishing error reach further back; it only bounds the"
                + " step.\n\n");
        md.append("| network | radii | state error lag 1 | at largest lag | median gradient norm | max | clipped |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (ExplodingCase e : report.exploding()) {
            FlowCurve c = e.curve();
            StringBuilder radii = new StringBuilder();
            e.radii().forEach((k, v) -> radii.append(radii.length() == 0 ? "" : ", ").append(k).append(' ').append(number(v)));
            ClippingEffect clip = e.clipping();
            md.append("| ").append(e.label()).append(" | ").append(radii).append(" | ")
                    .append(number(c.stateNorm(1))).append(" | ").append(number(c.stateNorm(c.maxLag()))).append(" (lag ")
                    .append(c.maxLag()).append(") | ").append(number(clip.medianBefore())).append(" | ")
                    .append(number(clip.maxBefore())).append(" | ").append(clip.clippedCount()).append(" of ")
                    .append(clip.before().length).append(" at ").append(number(clip.threshold())).append(" |\n");
        }
        md.append("\n");
    }

    private static void gates(FlowReport report, StringBuilder md) {
        boolean any = report.models().stream().anyMatch(m -> m.gates() != null);
        if (!any) {
            return;
        }
        md.append("## Gates (`gates-MODEL.png`) and cell states (`cell-states-MODEL.png`)\n\n");
        md.append("The histograms show how often each gate unit takes each activation on the test sequences: a gate"
                + " mostly near 0 shuts its path (the 1997 input gates start with negative biases so that cells are"
                + " written only when needed, and the output gates keep idle cells from disturbing the net), a forget"
                + " gate near 1 keeps the carousel. The cell-state plot shows every cell over one sequence; grey"
                + " dashed lines are the marked steps of the adding problem. A cell that has learned the task jumps"
                + " at the marks and then holds its value until the end: that is the CEC storing information.\n\n");
        for (ModelFlow m : report.models()) {
            GateStatistics g = m.gates();
            if (g == null) {
                continue;
            }
            md.append("**").append(m.model()).append("** (").append(m.stage()).append("): mean activation per ")
                    .append(g.unitName()).append("\n\n| gate |");
            int units = g.mean()[0].length;
            for (int u = 0; u < units; u++) {
                md.append(' ').append(g.unitName()).append(' ').append(u).append(" |");
            }
            md.append("\n|---|").append("---:|".repeat(units)).append("\n");
            for (int gate = 0; gate < g.gateNames().size(); gate++) {
                md.append("| ").append(g.gateNames().get(gate)).append(" |");
                for (int u = 0; u < units; u++) {
                    md.append(String.format(Locale.ROOT, " %.3f |", g.mean()[gate][u]));
                }
                md.append("\n");
            }
            CellTrace t = m.trace();
            if (t != null && t.storingCell() >= 0) {
                md.append("\nCell trace: marked steps ").append(java.util.Arrays.toString(t.markers()))
                        .append("; the cell that jumps most at them is cell ").append(t.storingCell()).append(".\n");
            }
            md.append("\n");
        }
    }

    static int[] lagsUpTo(int maxLag) {
        int[] fixed = IntStream.of(LAGS).filter(l -> l < maxLag).toArray();
        int[] out = java.util.Arrays.copyOf(fixed, fixed.length + 1);
        out[fixed.length] = maxLag;
        return out;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }
}
