package org.lstmrepro.reports.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout is the architecture, and dependencies point one way (README, module map):
 * <ul>
 *   <li>modules: core &lt;- tasks; core &lt;- truncated-backprop &lt;- original-lstm, vanilla-lstm &lt;- reports
 *       (the two network modules do not see each other, and nothing below reports sees it);</li>
 *   <li>inside reports: cli -&gt; experiment -&gt; run, store; render -&gt; store; flow -&gt; run (and
 *       render's chart writer); bench -&gt; run; nothing depends on cli.</li>
 * </ul>
 * Main classes only: tests may reach across (a test of a network may use a task).
 */
@AnalyzeClasses(packages = "org.lstmrepro", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    private static final String CORE = "org.lstmrepro.core..";
    private static final String TASKS = "org.lstmrepro.tasks..";
    private static final String TRUNCATED = "org.lstmrepro.truncated..";
    private static final String ORIGINAL = "org.lstmrepro.original..";
    private static final String VANILLA = "org.lstmrepro.vanilla..";
    private static final String REPORTS = "org.lstmrepro.reports..";

    private static final String CLI = "org.lstmrepro.reports.cli..";
    private static final String EXPERIMENT = "org.lstmrepro.reports.experiment..";
    private static final String RUN = "org.lstmrepro.reports.run..";
    private static final String STORE = "org.lstmrepro.reports.store..";
    private static final String RENDER = "org.lstmrepro.reports.render..";
    private static final String FLOW = "org.lstmrepro.reports.flow..";
    private static final String BENCH = "org.lstmrepro.reports.bench..";

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(TASKS, TRUNCATED, ORIGINAL, VANILLA, REPORTS);

    @ArchTest
    static final ArchRule tasksDependOnlyOnCore = noClasses().that().resideInAPackage(TASKS)
            .should().dependOnClassesThat().resideInAnyPackage(TRUNCATED, ORIGINAL, VANILLA, REPORTS);

    @ArchTest
    static final ArchRule learningRulesDependOnlyOnCore = noClasses().that().resideInAPackage(TRUNCATED)
            .should().dependOnClassesThat().resideInAnyPackage(TASKS, ORIGINAL, VANILLA, REPORTS);

    @ArchTest
    static final ArchRule theOriginalLstmSeesNeitherTasksNorTheVanillaFamily = noClasses().that().resideInAPackage(ORIGINAL)
            .should().dependOnClassesThat().resideInAnyPackage(TASKS, VANILLA, REPORTS);

    @ArchTest
    static final ArchRule theVanillaFamilySeesNeitherTasksNorTheOriginalLstm = noClasses().that().resideInAPackage(VANILLA)
            .should().dependOnClassesThat().resideInAnyPackage(TASKS, ORIGINAL, REPORTS);

    @ArchTest
    static final ArchRule nothingDependsOnTheCommandLine = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI);

    @ArchTest
    static final ArchRule experimentsSeeRunsAndTheStoreOnly = noClasses().that().resideInAPackage(EXPERIMENT)
            .should().dependOnClassesThat().resideInAnyPackage(RENDER, FLOW, BENCH);

    @ArchTest
    static final ArchRule runsAreTheBottomOfReports = noClasses().that().resideInAPackage(RUN)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, STORE, RENDER, FLOW, BENCH);

    @ArchTest
    static final ArchRule theStoreIsTheBottomOfReports = noClasses().that().resideInAPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, RUN, RENDER, FLOW, BENCH);

    @ArchTest
    static final ArchRule renderingSeesTheStoreOnly = noClasses().that().resideInAPackage(RENDER)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, RUN, FLOW, BENCH);

    /** flow measures through runs, and draws its figures with render's chart writer (never the reverse). */
    @ArchTest
    static final ArchRule flowSeesRunsAndChartsOnly = noClasses().that().resideInAPackage(FLOW)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, STORE, BENCH);

    @ArchTest
    static final ArchRule benchSeesRunsOnly = noClasses().that().resideInAPackage(BENCH)
            .should().dependOnClassesThat().resideInAnyPackage(EXPERIMENT, STORE, RENDER, FLOW);
}
