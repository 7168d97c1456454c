package org.lstmrepro.reports.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What makes a run bit-for-bit the same on every JVM (README, "Reproducibility"): the code that trains
 * uses no {@code Math} function whose last bit the JVM may choose (exp, log, pow, tanh, ...; HotSpot
 * replaces several with CPU-specific intrinsics), only IEEE basic operations, {@code Math.fma},
 * {@code Math.sqrt}, {@code StrictMath} and our {@code Exponential} (tested against StrictMath in core). This test reads the training
 * modules' sources and fails on any such call, so the claim cannot silently stop being true.
 */
class PortableMathTest {

    private static final Pattern JVM_CHOSEN = Pattern.compile(
            "(?<!Strict)Math\\.(exp|expm1|log|log10|log1p|pow|tanh|sinh|cosh|sin|cos|tan|asin|acos|atan|atan2|cbrt|hypot)\\(");
    private static final List<String> TRAINING_MODULES = List.of("core", "tasks", "truncated-backprop", "original-lstm",
            "vanilla-lstm");

    @Test
    void trainingCodeUsesOnlyExactlySpecifiedMath() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        int files = 0;
        for (String module : TRAINING_MODULES) {
            try (Stream<Path> s = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).replaceAll("//.*|^\\s*\\*.*|/\\*.*?\\*/", "");
                        Matcher m = JVM_CHOSEN.matcher(code);
                        if (m.find()) {
                            found.add(root.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(files).as("training sources read").isGreaterThan(50);
        assertThat(found).as("calls whose result the JVM may choose").isEmpty();
    }
}
