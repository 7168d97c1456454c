package org.lstmrepro.tasks;

/**
 * One setting of a task, as listed by {@code lstm-repro tasks}.
 *
 * @param name         the setting's name, e.g. {@code length}
 * @param defaultValue its default (the paper's value), as text
 * @param description  what it means
 */
public record TaskParameter(String name, String defaultValue, String description) {
}
