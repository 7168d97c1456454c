package org.lstmrepro.reports.render;

import java.awt.Color;
import java.awt.Font;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.style.AxesChartStyler;

/** What every figure of a report shares: size, fonts, a white background, one colour per model (files: {@link ChartFiles}). */
public final class Charts {

    static final int WIDTH = 960;
    static final int HEIGHT = 560;

    /** Tick labels of a log axis, decades only: 1E-4, 1E-3, ... (one format, no mix of 0.01 and 1E-4). */
    public static final String LOG_TICKS = "0E0";

    /** A colour-blind-friendly palette (Okabe & Ito 2008, with black last), cycled when there are more models. */
    private static final List<Color> PALETTE = List.of(new Color(0, 114, 178), new Color(213, 94, 0),
            new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233),
            new Color(240, 228, 66).darker(), new Color(120, 120, 120), Color.BLACK);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Applies the report's style to an axes chart. */
    static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setPlotBorderColor(new Color(180, 180, 180));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(200, 200, 200));
        s.setChartTitleBoxVisible(false);
    }

    /** One colour per model label, the same in every figure of a report. */
    static Map<String, Color> colours(List<String> modelLabels) {
        Map<String, Color> colours = new HashMap<>();
        for (int i = 0; i < modelLabels.size(); i++) {
            colours.put(modelLabels.get(i), PALETTE.get(i % PALETTE.size()));
        }
        return colours;
    }
}
