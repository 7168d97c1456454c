package org.lstmrepro.reports.run;

/**
 * One option of a model family, declared once: the experiment-file key (also its name in the trial
 * key and the report's settings), the {@code train} flag, the type and allowed values, the
 * documentation and the default. {@link ModelRegistry} collects the options of every family; the
 * {@code train} flags, the experiment files' {@code options}, the trial key and {@code docs/} derive
 * from those declarations. The declarations shared by several families are in {@link CommonOptions}.
 *
 * @param key         the experiment-file key, e.g. {@code hiddenSize}
 * @param flag        the {@code train} flag, e.g. {@code --hidden}
 * @param paramLabel  the flag's parameter in {@code --help}, e.g. {@code H}
 * @param type        the type and the allowed values
 * @param description what it sets, one sentence
 * @param defaultText the default, in words (it may depend on the model and the task)
 * @param <T>         the Java type of a value
 */
public record ModelOption<T>(String key, String flag, String paramLabel, OptionType<T> type, String description,
                             String defaultText) {

    public ModelOption {
        if (!key.matches("[a-z][A-Za-z0-9]*") || !flag.matches("--[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("option key must be camelCase and flag --kebab-case: " + key + ", " + flag);
        }
    }

    /** Both names, for messages that may concern a flag or a key: {@code hiddenSize (--hidden)}. */
    public String names() {
        return key + " (" + flag + ")";
    }

    /**
     * Checks a value and returns its canonical form; the message names the option in the form the
     * user wrote it ({@code name}: the flag or the key).
     */
    public T check(Object value, String name) {
        try {
            return type.check(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " " + e.getMessage());
        }
    }
}
