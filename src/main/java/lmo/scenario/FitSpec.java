package lmo.scenario;

/**
 * A fit the plots draw and {@code plots/fits.json} records ({@code output.fit[]}): a least-squares line through
 * {@code log(metric)} against {@code log(time)} ({@code power}: metric ~ C t^slope) or against {@code time}
 * ({@code exponential}: metric ~ C exp(rate t)), over the logged rows with mean-field time in [from, to].
 *
 * @param metric a column of metrics.csv, e.g. {@code energy}
 * @param law {@code power} or {@code exponential}
 * @param from start of the time window, >= 0
 * @param to end of the time window, > from
 */
public record FitSpec(String metric, String law, double from, double to) {
    /** The values of {@code law}. */
    public static final java.util.List<String> LAWS = java.util.List.of("power", "exponential");
}
