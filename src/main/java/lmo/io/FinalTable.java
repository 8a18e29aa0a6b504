package lmo.io;

import java.util.List;

/**
 * A table the run directory writes as a CSV file when a run completes ({@code lmo.model.Model#finalTables}): a header
 * line of column names, then one line per row.
 *
 * @param columns the column names, as many as the table has columns
 * @param rows the values, row-major
 */
public record FinalTable(List<String> columns, Table rows) {
    public FinalTable {
        columns = List.copyOf(columns);
        if (columns.size() != rows.cols()) {
            throw new IllegalArgumentException(columns.size() + " column names for a table of " + rows.cols() + " columns");
        }
    }
}
