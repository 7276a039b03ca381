package dev.tinynn.web.runner;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The server's side of a runner JVM: JShell's execution engine, started as a child process running
 * {@link RunnerAgent} and spoken to over the child's own standard input and output. Nothing listens
 * on a port, so no other program on the machine can connect in the runner's place or in the
 * server's. Standard input carries frames: {@link #DATA} (a length, then bytes of JShell's own
 * multiplexed stream) or {@link #STOP} (stop the Run in progress; JShell's own stop command would
 * wait behind the Run on the same stream). The child's standard error goes to the Run's output.
 *
 * <p>Where the system has {@code setsid}, the child starts a process group of its own, so that
 * processes the learner's code starts can be ended with it even after it is gone ({@link #killGroup}).
 */
final class RunnerChannel implements ExecutionControlProvider {
    static final int DATA = 'D';
    static final int STOP = 'S';
    private static final Path SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable).findFirst().orElse(null);

    private final String classPath;
    private final List<String> jvmOptions;
    private volatile Process process;
    private volatile ExecutionControl control;

    RunnerChannel(String classPath, List<String> jvmOptions) {
        this.classPath = classPath;
        this.jvmOptions = jvmOptions;
    }

    /** The runner JVM, once JShell has started it. */
    Process process() {
        return process;
    }

    /**
     * Ends the Run that just finished: the runner stops every thread the code left running. False if
     * one is still running after the runner's grace period; true also when the runner is gone.
     * Called only between Runs, when JShell is not using the channel.
     */
    boolean endRun() {
        try {
            return !Boolean.FALSE.equals(control.extensionCommand(RunnerAgent.END_RUN, null));
        } catch (ExecutionControl.ExecutionControlException gone) {
            return true; // the runner JVM has ended: nothing of it runs any more
        }
    }

    @Override
    public String name() {
        return "tinynn-pipes";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        List<String> command = new ArrayList<>();
        if (SETSID != null) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(RunnerAgent.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The class path through the environment keeps the command line short enough for ps to show whole.
        builder.environment().put("CLASSPATH", classPath);
        // The JVM would announce options from these on its standard error, which is the Run's output.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process started = builder.start();
        process = started;
        copyInBackground(started.getErrorStream(), env.userErr());
        Frames frames = new Frames(started.getOutputStream());
        ExecutionControl control = Util.remoteInputOutput(started.getInputStream(), frames,
                Map.of("out", env.userOut(), "err", env.userErr()), Map.of(),
                (in, out) -> new StreamingExecutionControl(out, in) {
                    @Override
                    public void stop() {
                        frames.stop();
                    }

                    @Override
                    public void close() {
                        super.close();
                        frames.close();
                    }
                });
        started.onExit().thenRun(env::closeDown);
        this.control = control;
        return control;
    }

    /**
     * Kills what is left of the runner's process group (the processes the code started, even once the
     * runner JVM is gone and they were handed to init). Without {@code setsid} there is no group of its
     * own, and only the descendants the runner still has are found ({@link Runner#close()} does that).
     */
    static void killGroup(long leader) {
        if (SETSID == null) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s KILL -- -" + leader + " 2>/dev/null")
                    .redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyInBackground(InputStream from, OutputStream to) {
        Thread copier = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ended) {
                // the runner JVM is gone
            }
        }, "tinynn-runner-stderr");
        copier.setDaemon(true);
        copier.start();
    }

    /** JShell's stream to the runner, cut into DATA frames, plus STOP frames written beside it. */
    private static final class Frames extends OutputStream {
        private final DataOutputStream pipe;

        Frames(OutputStream stdin) {
            this.pipe = new DataOutputStream(new BufferedOutputStream(stdin));
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            pipe.write(DATA);
            pipe.writeInt(length);
            pipe.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() throws IOException {
            pipe.flush();
        }

        synchronized void stop() {
            try {
                pipe.write(STOP);
                pipe.flush();
            } catch (IOException gone) {
                // the runner JVM is gone: nothing left to stop
            }
        }

        @Override
        public synchronized void close() {
            try {
                pipe.close();
            } catch (IOException gone) {
                // already closed
            }
        }
    }
}
