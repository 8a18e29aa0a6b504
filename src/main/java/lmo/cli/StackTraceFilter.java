package lmo.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The standard error of the {@code lmo} process, line by line, without Java stack traces: frames ({@code \tat ...},
 * {@code \t... 3 more}), {@code Caused by:} / {@code Suppressed:} lines and the exception header a trace starts with
 * ({@code java.lang.OutOfMemoryError: Java heap space}). A fatal error inside the actor system makes Pekko print one
 * after its own one-line notice, whatever lmo catches; lmo's own message says what happened and what to raise.
 * {@code LMO_TRACES=1} in the environment keeps everything (for a bug report), and lmo's internal-error report
 * writes its trace to the raw stream.
 */
final class StackTraceFilter extends FilterOutputStream {
    private static final Pattern TRACE = Pattern.compile(
            "^(\\s+at \\S.*|\\s+\\.\\.\\. \\d+ (more|common frames omitted)|\\s*(Caused by|Suppressed): .*"
                    + "|([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Error|Exception|Throwable)(: .*)?)\\r?$");
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    StackTraceFilter(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') flushLine();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            line.write('\n');
            flushLine();
        }
        super.close();
    }

    private void flushLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!TRACE.matcher(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).matches()) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** True for a line of a Java stack trace (what this filter drops). */
    static boolean isTrace(String line) {
        return TRACE.matcher(line).matches();
    }
}
