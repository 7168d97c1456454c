package org.lstmrepro.reports.experiment;

import java.nio.file.Path;

/** What {@code reproduce} does with the results store after a run, e.g. render the reports. */
@FunctionalInterface
public interface ReportHook {

    /** Does nothing. */
    ReportHook NONE = dir -> { };

    /** Called once after every run (also one with failed trials), with the store's directory. */
    void afterRun(Path dir);
}
