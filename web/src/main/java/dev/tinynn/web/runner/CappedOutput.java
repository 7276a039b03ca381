package dev.tinynn.web.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where a runner's printed output goes: the remote JVM's {@code System.out} and {@code System.err}
 * (as UTF-8 bytes) and the value lines, kept up to a limit so that a loop printing forever cannot
 * fill the server's memory. Bytes past the limit are counted, not kept; {@link #text()} then ends
 * with a line saying the output was cut.
 */
final class CappedOutput extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private int lastKept = '\n';

    CappedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < limit) {
            kept.write(b);
            lastKept = b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, Math.min(length, limit - kept.size()));
        kept.write(bytes, offset, room);
        if (room > 0) {
            lastKept = bytes[offset + room - 1];
        }
        dropped += length - room;
    }

    /** Appends text (a value line, say), starting on a new line if the output so far does not end with one. */
    synchronized void line(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        if (lastKept != '\n') {
            write('\n');
        }
        write(bytes, 0, bytes.length);
    }

    /** Forgets everything, for the next run. */
    synchronized void clear() {
        kept.reset();
        dropped = 0;
        lastKept = '\n';
    }

    /** What was kept, decoded as UTF-8, with a last line saying how much was cut if anything was. */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped == 0) {
            return text;
        }
        return text + (text.endsWith("\n") ? "" : "\n")
                + "[output cut: only the first " + limit / 1024 + " KB are shown, " + dropped + " more bytes were dropped]\n";
    }
}
