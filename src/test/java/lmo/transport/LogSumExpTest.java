package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The (max, sum) pair is log(sum e^x), stable for huge and -inf entries, and combine is its monoid law. */
class LogSumExpTest {
    static final double NI = Double.NEGATIVE_INFINITY;

    @Test
    void streamingPairEqualsTheClosedForm() {
        double[] xs = {0.3, -2.0, 1.7, 1.7, -40.0};
        double[] mx = {NI}, s = {0};
        for (double x : xs) LogSumExp.add(mx, s, 0, x);
        double direct = 0;
        for (double x : xs) direct += Math.exp(x);
        assertEquals(Math.log(direct), LogSumExp.value(mx[0], s[0]), 1e-15);
        assertEquals(1.7, mx[0], 0.0);
        assertEquals(Math.log(direct), LogSumExp.of(xs, 0, xs.length), 1e-15);
    }

    @Test
    void hugeEntriesDoNotOverflow() {
        double[] mx = {NI}, s = {0};
        LogSumExp.add(mx, s, 0, 1000);
        LogSumExp.add(mx, s, 0, 1000);
        assertEquals(1000 + Math.log(2), LogSumExp.value(mx[0], s[0]), 1e-12);
        assertEquals(-1e5 + Math.log(3), LogSumExp.of(new double[] {-1e5, -1e5, -1e5}, 0, 3), 1e-10);
    }

    @Test
    void minusInfinityIsTheEmptyEntry() {
        double[] mx = {NI}, s = {0};
        LogSumExp.add(mx, s, 0, NI);
        assertEquals(NI, mx[0]);
        assertEquals(0.0, s[0]);
        assertEquals(NI, LogSumExp.value(mx[0], s[0]));
        LogSumExp.add(mx, s, 0, 2.0);
        LogSumExp.add(mx, s, 0, NI);
        assertEquals(2.0, LogSumExp.value(mx[0], s[0]), 0.0);
        assertEquals(NI, LogSumExp.of(new double[] {NI, NI}, 0, 2));
    }

    @Test
    void combineIsTheSumOfBothSidesAndEmptyIsItsUnit() {
        double[] am = {NI, NI, 1.0}, as = {0, 0, 2.0};
        double[] bm = {NI, 3.0, NI}, bs = {0, 1.5, 0};
        LogSumExp.combine(am, as, bm, bs, 0, 3);
        assertEquals(NI, am[0]);
        assertEquals(0.0, as[0]);
        assertEquals(3.0, am[1]);
        assertEquals(1.5, as[1], 0.0);
        assertEquals(1.0, am[2]);
        assertEquals(2.0, as[2], 0.0);
        double[] cm = {0.5}, cs = {1.0}, dm = {2.0}, ds = {3.0};
        LogSumExp.combine(cm, cs, dm, ds, 0, 1);
        assertEquals(Math.log(Math.exp(0.5) + 3 * Math.exp(2.0)), LogSumExp.value(cm[0], cs[0]), 1e-15);
    }
}
