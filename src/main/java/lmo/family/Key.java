package lmo.family;

/**
 * One documented key of a model family: its path relative to {@code model} ({@code kernel.s}; {@code []} for a list
 * item), and the columns of its row in docs/scenarios.md, each one line: the value's type, its default, its range,
 * and the first sentence of its doc ("" when the column is empty).
 */
public record Key(String path, String type, String defaultValue, String range, String doc) {}
