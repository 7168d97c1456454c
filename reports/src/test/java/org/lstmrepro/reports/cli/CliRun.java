package org.lstmrepro.reports.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** Test helper: runs the command line in-process and captures what it printed and its exit status. */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(status, out.toString(), err.toString());
    }

    List<String> outLines() {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).toList();
    }

    /** The JSON summary {@code train} prints as its last line of stdout. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> summary() throws java.io.IOException {
        List<String> lines = outLines();
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(lines.get(lines.size() - 1), java.util.Map.class);
    }

    List<String> errLines() {
        return Arrays.stream(err.split("\n")).filter(l -> !l.isBlank()).toList();
    }
}
