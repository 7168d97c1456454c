package org.lstmrepro.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lstmrepro.reports.store.TrialRecord;

/**
 * A task's variants against vanilla (Greff et al. 2015): each {@code vanilla:VARIANT/...} model against
 * {@code vanilla/...} with the same rule, on each outcome measure of {@link VariantTest#MEASURES}.
 */
final class VariantComparison {

    static final List<String> HEADER = List.of("variant", "against", "measure", "n variant", "n vanilla",
            "Welch t-test p", "Mann-Whitney U p", "note");

    private VariantComparison() {
    }

    /** The tests of every variant on this task, in model order. */
    static List<VariantTest> tests(TaskGroup task) {
        List<VariantTest> tests = new ArrayList<>();
        task.byModel().forEach((model, trials) -> {
            ModelLabel label = ModelLabel.parse(model);
            if (!label.isVanillaVariant()) {
                return;
            }
            String baseline = label.vanillaBaseline();
            List<TrialRecord> vanilla = task.byModel().getOrDefault(baseline, List.of());
            for (VariantTest.Measure m : VariantTest.MEASURES) {
                tests.add(VariantTest.compare(model, trials, baseline, vanilla, m));
            }
        });
        return tests;
    }

    /** The table, or empty when the task has no vanilla variant. */
    static Optional<Block.Table> of(TaskGroup task) {
        List<List<String>> rows = tests(task).stream().map(t -> List.of("`" + t.variant() + "`", "`" + t.baseline() + "`",
                t.measure(), Integer.toString(t.nVariant()), Integer.toString(t.nBaseline()), Format.pValue(t.welchP()),
                Format.pValue(t.mannWhitneyP()), t.note())).toList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Block.Table(HEADER, rows));
    }
}
