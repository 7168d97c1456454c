package org.lstmrepro.core.io;

/**
 * An interchange file (or JSON line) that cannot be read: not JSON, the wrong format string, a
 * missing key, a value of the wrong type or shape, a missing file. The message is one line:
 * {@code <source>: <location>: <problem>}, e.g.
 * {@code params.json: tensors.bias.values: has 7 numbers, shape [8] needs 8}.
 */
public class InterchangeFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    /**
     * @param source   the file (as given) or other origin of the text, e.g. {@code samples.jsonl line 3}
     * @param location the key path inside the document, e.g. {@code tensors.bias.shape[0]}, or
     *                 {@code line 4, column 2} for syntax errors; empty for the document as a whole
     * @param problem  what is wrong
     */
    public InterchangeFormatException(String source, String location, String problem) {
        super(source + ": " + (location.isEmpty() ? "" : location + ": ") + problem);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
