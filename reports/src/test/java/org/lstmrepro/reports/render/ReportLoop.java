package org.lstmrepro.reports.render;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.lstmrepro.reports.cli.Main;

/** Test helper, run in a child JVM: {@code lstm-repro report DIR} again and again until killed. */
public final class ReportLoop {

    /** Printed after each report, followed by the exit status. */
    static final String DONE = "report done, status ";

    private ReportLoop() {
    }

    public static void main(String[] args) {
        while (true) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.execute(new String[] {"report", args[0]}, new PrintWriter(out), new PrintWriter(err));
            System.out.println(DONE + status + " " + err);
            System.out.flush();
        }
    }
}
