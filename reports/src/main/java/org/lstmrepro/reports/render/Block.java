package org.lstmrepro.reports.render;

import java.util.List;

/**
 * One part of a report, written alike to Markdown and HTML. Text may hold {@code `code`} spans (labels,
 * settings); everything else is plain text that the writers escape.
 */
sealed interface Block {

    /** A writer of blocks: one method per kind, so a new kind cannot be forgotten by a writer. */
    interface Writer {
        void heading(Heading h);

        void paragraph(Paragraph p);

        void bullets(Bullets l);

        void table(Table t);

        void figure(Figure f);
    }

    /** Hands this block to the writer's method for its kind. */
    void writeTo(Writer w);

    record Heading(int level, String text) implements Block {
        @Override
        public void writeTo(Writer w) {
            w.heading(this);
        }

        public Heading {
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("heading level " + level + " (expected 1 to 4)");
            }
        }
    }

    record Paragraph(String text) implements Block {
        @Override
        public void writeTo(Writer w) {
            w.paragraph(this);
        }
    }

    record Bullets(List<String> items) implements Block {
        @Override
        public void writeTo(Writer w) {
            w.bullets(this);
        }

        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A table; a column whose cells are all numbers (or empty marks) is right-aligned. */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        @Override
        public void writeTo(Writer w) {
            w.table(this);
        }

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("table row " + row + " has " + row.size() + " cells, header " + header.size());
                }
            }
        }

        boolean numeric(int column) {
            return rows.stream().map(r -> r.get(column))
                    .allMatch(c -> c.equals(Format.NONE) || c.equals("n/a") || c.matches("[-+0-9.,eE% /()]+"));
        }
    }

    /** A figure: a PNG file, given relative to the report's directory, with its caption; an SVG lies beside it. */
    record Figure(String path, String caption) implements Block {
        @Override
        public void writeTo(Writer w) {
            w.figure(this);
        }

        /** The relative path of the SVG beside the PNG at {@code pngPath} (see {@link ChartFiles}). */
        static String svgPath(String pngPath) {
            return (pngPath.endsWith(".png") ? pngPath.substring(0, pngPath.length() - 4) : pngPath) + ".svg";
        }
    }
}
