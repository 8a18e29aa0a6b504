package lmo.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test parser of the Prometheus text format accepts the format and rejects what breaks it. */
class PromTextTest {

    private static final String GOOD = """
            # A free comment.
            # HELP up_things things that are up\\nand a backslash \\\\
            # TYPE up_things gauge
            up_things{job="a\\"b\\\\c\\nd",zone="z"} 1.5e-3
            up_things{job="b",} -2 1712345678901
            up_things 3

            # TYPE weird gauge
            weird{a="x"} NaN
            weird{a="y"} +Inf
            weird{a="z"} -Inf
            weird{a="w"} .5E+2
            # TYPE requests_total counter
            requests_total{code="200"} 7.0
            # TYPE bytes counter
            bytes_total 12
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="1.0"} 3
            latency_seconds_bucket{le="+Inf"} 3
            latency_seconds_count 3
            latency_seconds_sum 1.2
            # TYPE rpc_seconds summary
            rpc_seconds{quantile="0.5"} 0.2
            rpc_seconds_count 4
            rpc_seconds_sum 0.9
            """;

    @Test
    void acceptsTheFormatWithEscapesSpecialValuesAndEveryType() {
        PromText.Exposition e = PromText.parse(GOOD);
        assertEquals(6, e.families().size());
        assertEquals("things that are up\nand a backslash \\", e.family("up_things").help());
        assertEquals(0.0015, e.value("up_things", Map.of("job", "a\"b\\c\nd", "zone", "z")));
        assertEquals(1712345678901L, e.samples("up_things").get(1).timestamp());
        assertNull(e.samples("up_things").get(0).timestamp());
        assertTrue(Double.isNaN(e.value("weird", Map.of("a", "x"))));
        assertEquals(Double.POSITIVE_INFINITY, e.value("weird", Map.of("a", "y")));
        assertEquals(Double.NEGATIVE_INFINITY, e.value("weird", Map.of("a", "z")));
        assertEquals(50.0, e.value("weird", Map.of("a", "w")));
        assertEquals("counter", e.family("bytes").type());
        assertEquals(3, e.value("latency_seconds_count", Map.of()));
        assertEquals(5, e.family("latency_seconds").samples().size());
        assertEquals(3, e.family("rpc_seconds").samples().size());
    }

    /** Each of these is GOOD's structure broken in one place. */
    @ParameterizedTest
    @ValueSource(strings = {
        "x 1\n",                                                        // no TYPE for the family
        "# TYPE x gauge\nx 1",                                          // no final newline
        "# TYPE x gauge\nx 1\r\n",                                      // carriage return
        "# TYPE 1x gauge\n1x 1\n",                                      // metric name starts with a digit
        "# TYPE x-y gauge\nx-y 1\n",                                    // '-' in a metric name
        "# TYPE x gauge\nx{1a=\"v\"} 1\n",                              // label name starts with a digit
        "# TYPE x gauge\nx{__a=\"v\"} 1\n",                             // reserved label name
        "# TYPE x gauge\nx{a=v} 1\n",                                   // unquoted label value
        "# TYPE x gauge\nx{a=\"v\"v\"} 1\n",                            // raw quote in a label value
        "# TYPE x gauge\nx{a=\"v\\t\"} 1\n",                            // bad escape in a label value
        "# TYPE x gauge\nx{a=\"v} 1\n",                                 // unterminated label value
        "# TYPE x gauge\nx{a=\"v\" b=\"w\"} 1\n",                       // no comma between labels
        "# TYPE x gauge\nx{a=\"v\",a=\"w\"} 1\n",                       // duplicate label
        "# TYPE x gauge\nx{a=\"v\"\n",                                  // unterminated label set
        "# TYPE x gauge\nx 1,5\n",                                      // not a float
        "# TYPE x gauge\nx inf\n",                                      // Inf is spelled +Inf
        "# TYPE x gauge\nx nan\n",                                      // NaN is spelled NaN
        "# TYPE x gauge\nx 0x1p3\n",                                    // hexadecimal
        "# TYPE x gauge\nx\n",                                          // no value
        "# TYPE x gauge\nx 1 12.5\n",                                   // bad timestamp
        "# TYPE x gauge\nx 1 12 13\n",                                  // trailing text
        "# TYPE x gauge\n x 1\n",                                       // leading blank
        "# TYPE x gauge\nx 1 \n",                                       // trailing blank
        "# TYPE x gauge\nx 1\nx 2\n",                                   // duplicate series
        "# TYPE x gauge\n# TYPE x gauge\nx 1\n",                        // second TYPE
        "# TYPE x gauge\nx 1\n# HELP x late\n",                         // HELP after the samples
        "# TYPE x gauge\nx 1\n# TYPE y gauge\ny 1\nx{a=\"b\"} 1\n",     // family not contiguous
        "# TYPE x gauges\nx 1\n",                                       // unknown type
        "# HELP x help only\nx 1\n",                                    // HELP without TYPE
        "# HELP x bad \\t escape\n# TYPE x gauge\nx 1\n",               // bad escape in HELP
        "# TYPE c counter\nc 1\n",                                      // counter sample without _total
        "# TYPE c_total counter\nc_total -1\n",                         // negative counter
        "# TYPE g gauge\ng_total 1\n",                                  // _total does not make a gauge a counter
        "# TYPE h histogram\nh 1\n",                                    // histogram sample without suffix
        "# TYPE h histogram\nh_bucket 1\n",                             // bucket without le
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"0.5\"} 1\nh_bucket{le=\"+Inf\"} 1\n", // le decreases
        "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"2\"} 1\nh_bucket{le=\"+Inf\"} 2\n",   // count decreases
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"2\"} 1\n",                           // no +Inf bucket
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n",             // _count is not +Inf
        "# TYPE h histogram\nh_bucket{le=\"one\"} 1\nh_bucket{le=\"+Inf\"} 1\n",                      // le not a float
        "# TYPE s summary\ns 1\n",                                      // summary sample without quantile
    })
    void rejectsMalformedInput(String text) {
        assertThrows(PromText.Malformed.class, () -> PromText.parse(text), () -> "accepted:\n" + text);
    }
}
