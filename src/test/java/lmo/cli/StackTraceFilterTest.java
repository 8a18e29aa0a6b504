package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** lmo's standard error keeps its own lines and drops the stack traces a fatal error makes Pekko print. */
class StackTraceFilterTest {

    @Test
    void aTraceAfterPekkosNoticeIsDroppedAndLmosLinesKept() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new StackTraceFilter(bytes), true, StandardCharsets.UTF_8);
        err.println("Uncaught error from thread [lmo-7]: Java heap space, shutting down ActorSystem[lmo]");
        Throwable t = new OutOfMemoryError("Java heap space");
        t.initCause(new NoClassDefFoundError("Could not initialize class X"));
        t.printStackTrace(err);
        err.println("lmo: out of memory: 40 particles of dim 1 need about 41 MB; raise -Xmx (JAVA_OPTS=-Xmx...)");
        err.print("no newline at the end");
        err.close();
        assertEquals("Uncaught error from thread [lmo-7]: Java heap space, shutting down ActorSystem[lmo]\n"
                + "lmo: out of memory: 40 particles of dim 1 need about 41 MB; raise -Xmx (JAVA_OPTS=-Xmx...)\n"
                + "no newline at the end\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whatIsATraceLine() {
        for (String trace : new String[] {"\tat lmo.actor.Shard.run(Shard.java:10)", "\t... 12 more",
                "Caused by: java.lang.IllegalStateException: x", "java.lang.OutOfMemoryError: Java heap space",
                "java.lang.NoClassDefFoundError: Could not initialize class org.apache.pekko.util.Collections$Empty$",
                "java.lang.StackOverflowError", "\tSuppressed: java.io.IOException: y"}) {
            assertEquals(true, StackTraceFilter.isTrace(trace), trace);
        }
        for (String kept : new String[] {"lmo: stack overflow (java.lang.StackOverflowError); raise the thread stack size",
                "x.yaml:3:5: model.kappa: must be > 0, got -1", "results: /tmp/run", "step 10/100  energy 0.1"}) {
            assertEquals(false, StackTraceFilter.isTrace(kept), kept);
        }
    }
}
