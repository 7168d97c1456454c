package org.lstmrepro.reports.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.knowm.xchart.internal.chartpart.Chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

/**
 * Writes a figure, one chart or a row of panels, twice: a PNG for the pages and an SVG of the same
 * drawing beside it (same name, {@code .svg}) for papers and slides. Both are painted by the same code,
 * the SVG through VectorGraphics2D, the library XChart uses for its own vector export.
 */
public final class ChartFiles {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** The SVG written beside {@code png}. */
    public static Path svgOf(Path png) {
        String name = png.getFileName().toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return png.resolveSibling(base + ".svg");
    }

    /**
     * Writes {@code panels} side by side, left to right, as {@code png} and its SVG, replacing files of those
     * names; returns the two files.
     */
    public static List<Path> write(List<? extends Chart<?, ?>> panels, Path png) {
        int width = panels.stream().mapToInt(Chart::getWidth).sum();
        int height = panels.stream().mapToInt(Chart::getHeight).max().orElse(1);
        Path svg = svgOf(png);
        try {
            if (png.getParent() != null) {
                Files.createDirectories(png.getParent());
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            paint(g, panels, height);
            g.dispose();
            try (OutputStream out = Files.newOutputStream(png)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
            VectorGraphics2D vg = new VectorGraphics2D();
            paint(vg, panels, height);
            try (OutputStream out = Files.newOutputStream(svg)) {
                new SVGProcessor().getDocument(vg.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            }
            return List.of(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + png + ": " + e.getMessage(), e);
        }
    }

    /** One chart: {@code png} and its SVG. */
    public static List<Path> write(Chart<?, ?> chart, Path png) {
        return write(List.of(chart), png);
    }

    private static void paint(Graphics2D g, List<? extends Chart<?, ?>> panels, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, panels.stream().mapToInt(Chart::getWidth).sum(), height);
        AffineTransform start = g.getTransform();
        int x = 0;
        for (Chart<?, ?> c : panels) {
            g.setTransform(start);
            g.translate(x, 0);
            c.paint(g, c.getWidth(), c.getHeight());
            x += c.getWidth();
        }
        g.setTransform(start);
    }
}
