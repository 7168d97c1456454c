package org.lstmrepro.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a report's blocks as one self-contained HTML page: inline CSS, no scripts, no external fonts,
 * and the figures embedded as PNG data (the page can be mailed or moved alone); each figure also links to
 * its SVG file in the figures folder.
 */
final class HtmlWriter implements Block.Writer {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    private static final String CSS = """
            body { font-family: sans-serif; max-width: 70em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
            h1, h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; }
            table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
            th, td { border: 1px solid #ccc; padding: .3em .6em; vertical-align: top; }
            th { background: #f3f3f3; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            code { background: #f5f5f5; padding: 0 .2em; border-radius: 3px; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; border: 1px solid #eee; }
            figcaption { color: #555; font-size: .9em; }
            """;

    private final StringBuilder html = new StringBuilder();
    private final Path base;

    private HtmlWriter(Path base) {
        this.base = base;
    }

    /**
     * The page of {@code blocks}; a figure's PNG is read from {@code base} resolved against its path and
     * embedded.
     */
    static String write(String title, List<Block> blocks, Path base) {
        HtmlWriter w = new HtmlWriter(base);
        w.html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        blocks.forEach(b -> b.writeTo(w));
        return w.html.append("</body>\n</html>\n").toString();
    }

    @Override
    public void heading(Block.Heading h) {
        html.append("<h").append(h.level()).append('>').append(inline(h.text())).append("</h").append(h.level()).append(">\n");
    }

    @Override
    public void paragraph(Block.Paragraph p) {
        html.append("<p>").append(inline(p.text())).append("</p>\n");
    }

    @Override
    public void bullets(Block.Bullets l) {
        html.append("<ul>\n");
        l.items().forEach(i -> html.append("<li>").append(inline(i)).append("</li>\n"));
        html.append("</ul>\n");
    }

    @Override
    public void table(Block.Table t) {
        html.append("<table>\n<thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(inline(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(t.numeric(c) ? "<td class=\"num\">" : "<td>").append(inline(row.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    @Override
    public void figure(Block.Figure f) {
        html.append("<figure><img src=\"").append(dataUri(f.path())).append("\" alt=\"")
                .append(escape(f.caption().replace("`", ""))).append("\"><figcaption>").append(inline(f.caption()))
                .append(" <a href=\"").append(escape(Block.Figure.svgPath(f.path()))).append("\">SVG</a></figcaption></figure>\n");
    }

    private String dataUri(String path) {
        try {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(base.resolve(path)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed figure " + path + ": " + e.getMessage(), e);
        }
    }

    /** Escapes text and turns {@code `code`} spans into {@code <code>} elements. */
    static String inline(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start()))).append("<code>").append(escape(m.group(1))).append("</code>");
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
