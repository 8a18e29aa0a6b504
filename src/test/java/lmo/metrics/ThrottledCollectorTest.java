package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The JVM metrics are read at most once per interval; a scrape within it reuses the last reading. */
class ThrottledCollectorTest {

    @Test
    void collectsAtMostOncePerInterval() {
        PrometheusRegistry source = new PrometheusRegistry();
        Gauge g = Gauge.builder().name("g").help("a value").register(source);
        AtomicLong clock = new AtomicLong();
        PrometheusRegistry served = new PrometheusRegistry();
        served.register(new ThrottledCollector(source, 1.0, clock::get));

        g.set(1);
        assertEquals(1, value(served));
        g.set(2);
        clock.set(999_999_999L);
        assertEquals(1, value(served), "within the interval: the last reading");
        clock.set(1_000_000_000L);
        assertEquals(2, value(served), "after it: read again");
    }

    private static double value(PrometheusRegistry r) {
        GaugeSnapshot s = (GaugeSnapshot) r.scrape().stream().filter(m -> m.getMetadata().getName().equals("g"))
                .findFirst().orElseThrow();
        return s.getDataPoints().get(0).getValue();
    }
}
