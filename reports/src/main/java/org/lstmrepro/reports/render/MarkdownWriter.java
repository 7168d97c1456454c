package org.lstmrepro.reports.render;

import java.util.List;
import java.util.stream.Collectors;

/** Writes a report's blocks as GitHub-flavoured Markdown. */
final class MarkdownWriter implements Block.Writer {

    private final StringBuilder md = new StringBuilder();

    private MarkdownWriter() {
    }

    static String write(List<Block> blocks) {
        MarkdownWriter w = new MarkdownWriter();
        blocks.forEach(b -> b.writeTo(w));
        return w.md.toString();
    }

    @Override
    public void heading(Block.Heading h) {
        md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
    }

    @Override
    public void paragraph(Block.Paragraph p) {
        md.append(p.text()).append("\n\n");
    }

    @Override
    public void bullets(Block.Bullets l) {
        l.items().forEach(i -> md.append("- ").append(i).append('\n'));
        md.append('\n');
    }

    @Override
    public void table(Block.Table t) {
        md.append(row(t.header()));
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < t.header().size(); c++) {
            rule.append(t.numeric(c) ? " ---: |" : " --- |");
        }
        md.append(rule).append('\n');
        t.rows().forEach(r -> md.append(row(r)));
        md.append('\n');
    }

    @Override
    public void figure(Block.Figure f) {
        md.append("![").append(f.caption()).append("](").append(f.path()).append(")\n")
                .append("[SVG](").append(Block.Figure.svgPath(f.path())).append(")\n\n");
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
