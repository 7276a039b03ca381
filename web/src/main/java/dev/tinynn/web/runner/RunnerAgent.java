package dev.tinynn.web.runner;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.spi.ExecutionControl.RunException;

/**
 * The runner JVM's side of a {@link Runner}: its {@code main} runs the snippets JShell sends over the
 * JVM's own standard input and answers over its standard output (a pipe only the server holds, so no
 * other process can join the conversation, as one could with a listening port). Standard input
 * carries frames ({@link RunnerChannel}): JShell's own multiplexed stream, or "stop the Run".
 *
 * <p>The code's threads are all in one thread group. When a Run (a whole cell) ends, the server asks
 * ({@link #END_RUN}) and every thread the code started is interrupted and stopped, so nothing it left
 * behind keeps using the processor or prints into a later Run; a thread that will not stop makes the
 * server end the JVM (and start the session afresh). Before
 * each Run, {@code System.out} and {@code System.err} are made new, so code that closed them only
 * silenced its own Run. When the server goes (standard input ends), the processes the code started
 * are killed and the JVM exits.
 */
public final class RunnerAgent extends DirectExecutionControl {
    /** How long the threads a Run left behind get to end once stopped. */
    private static final long THREAD_GRACE_MILLIS = 1_000;

    /** The code's output channels, out and err, set once forwarding has begun. */
    private final OutputStream[] channels;
    /** The extension command that ends a Run: {@link #endRun()}. */
    static final String END_RUN = "tinynn-end-run";
    /** Every thread the code starts is in this group (a new thread joins its creator's group). */
    private final ThreadGroup code = new ThreadGroup("tinynn-code");

    private RunnerAgent(OutputStream[] channels) {
        this.channels = channels;
    }

    public static void main(String[] args) throws IOException {
        // The real standard output carries JShell's stream; the code's System.out is one channel inside it.
        OutputStream pipe = new FileOutputStream(FileDescriptor.out);
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        OutputStream[] channels = new OutputStream[2];
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", stream -> channels[0] = unclosable(stream),
                "err", stream -> channels[1] = unclosable(stream));
        RunnerAgent agent = new RunnerAgent(channels);
        try {
            Util.forwardExecutionControlAndIO(agent, agent.new Frames(stdin), unclosable(pipe), outputs, Map.of());
        } finally {
            end();
        }
    }

    /** Kills the processes the code started and ends this JVM at once (shutdown hooks of the code do not run). */
    private static void end() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        Runtime.getRuntime().halt(0);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        System.setOut(new PrintStream(channels[0], true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(channels[1], true, StandardCharsets.UTF_8));
        Object[] value = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread snippet = new Thread(code, () -> {
            try {
                value[0] = doitMethod.invoke(null);
            } catch (Throwable failed) {
                thrown[0] = failed;
            }
        }, "main");
        snippet.start();
        snippet.join();
        System.out.flush();
        System.err.flush();
        if (thrown[0] instanceof ThreadDeath
                || thrown[0] instanceof InvocationTargetException target && target.getCause() instanceof ThreadDeath) {
            throw new StoppedException();
        }
        if (thrown[0] instanceof Exception exception) {
            throw exception;
        }
        if (thrown[0] != null) {
            throw new InvocationTargetException(thrown[0]);
        }
        return valueString(value[0]);
    }

    /** The server's stop frame: stop every thread of the code (the Run in progress and any it started). */
    private void stopRun() {
        stop(threads(code));
    }

    /**
     * {@link #END_RUN}, which the server sends once a Run's last snippet is done: stops what the Run
     * left running and answers whether it all ended within the grace period (a thread may catch the
     * stop; the server then ends this JVM, the only sure way to end such a thread).
     */
    @Override
    public Object extensionCommand(String command, Object argument) throws RunException, EngineTerminationException,
            InternalException {
        if (!END_RUN.equals(command)) {
            return super.extensionCommand(command, argument);
        }
        Thread[] left = threads(code);
        stop(left);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THREAD_GRACE_MILLIS);
        for (Thread thread : left) {
            long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (wait > 0) {
                    thread.join(wait);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.flush();
        System.err.flush();
        return threads(code).length == 0;
    }

    private static Thread[] threads(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        return Arrays.stream(threads, 0, count).filter(Objects::nonNull).filter(Thread::isAlive).toArray(Thread[]::new);
    }

    /**
     * Interrupts the threads and stops them with {@code Thread.stop}, which throws ThreadDeath where the
     * code is (JShell's own stop does the same); on a JDK without it, the interrupt is all they get.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread[] threads) {
        for (Thread thread : threads) {
            thread.interrupt();
            try {
                thread.stop();
            } catch (UnsupportedOperationException notOnThisJdk) {
                // Java 20 and later: the interrupt, then the JVM ending, have to do
            }
        }
    }

    /** A stream whose close() only flushes, so code that closes System.out cannot close the channel under it. */
    private static OutputStream unclosable(OutputStream stream) {
        return new FilterOutputStream(stream) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Standard input as JShell's stream: the DATA frames' bytes in order. A STOP frame stops the Run in
     * progress as it is read (JShell's reading thread reads all the time, a Run in progress or not); the
     * end of input (the server closed this runner, or is gone) ends the JVM, even in the middle of a Run.
     */
    private final class Frames extends InputStream {
        private final DataInputStream in;
        private int left;

        Frames(InputStream stdin) {
            this.in = new DataInputStream(new BufferedInputStream(stdin));
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            try {
                while (left == 0) {
                    int kind = in.read();
                    if (kind == RunnerChannel.STOP) {
                        stopRun();
                    } else if (kind == RunnerChannel.DATA) {
                        left = in.readInt();
                    } else {
                        end();
                    }
                }
                int read = in.read(bytes, offset, Math.min(length, left));
                if (read < 0) {
                    end();
                }
                left -= read;
                return read;
            } catch (IOException gone) {
                end();
                throw gone;
            }
        }
    }
}
