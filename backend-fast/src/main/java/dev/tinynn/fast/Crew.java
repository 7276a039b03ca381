package dev.tinynn.fast;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run blocks 1, 2, … of a parallel step while the caller runs block 0: one daemon
 * thread per extra block, parked between steps and handed each step through a volatile counter. A
 * step allocates nothing, where an {@code ExecutorService} makes a {@code FutureTask} and a queue
 * node per task (measured: benchmarks/results/design-notes.md#crew). The threads end when the crew
 * is closed.
 */
final class Crew implements AutoCloseable {
    private final Thread[] workers;          // workers[k − 1] runs task k
    private final AtomicInteger busy = new AtomicInteger(); // workers still running this step's task
    private volatile Runnable[] tasks;       // this step's tasks; null between steps
    private volatile int step;               // one more per step: the workers' signal to start
    private volatile Thread caller;          // the thread waiting for the workers
    private volatile Throwable failure;      // what a worker's task threw in this step
    private volatile boolean closed;

    /** Closes the crew of a workspace that is dropped without being closed (its threads hold no reference to it). */
    static final Cleaner CLEANER = Cleaner.create();

    Crew(int extraThreads) {
        workers = new Thread[extraThreads];
        for (int k = 0; k < extraThreads; k++) {
            int task = k + 1;
            workers[k] = new Thread(() -> work(task), "tinynn-fast-" + task);
            workers[k].setDaemon(true);
            workers[k].start();
        }
    }

    /** Runs task k for every k: task 0 on this thread, the others on the workers; returns when all are done. */
    void run(Runnable[] stepTasks) {
        if (closed) { // its workers are gone: waiting for them would never end
            throw new IllegalStateException("this workspace is closed; open a new one");
        }
        caller = Thread.currentThread();
        failure = null;
        tasks = stepTasks;
        busy.set(workers.length);
        this.step++; // the volatile write that publishes the four above to the workers
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
        try {
            stepTasks[0].run();
        } finally {
            while (busy.get() != 0) {
                LockSupport.park(this);
            }
            tasks = null;
        }
        if (failure != null) {
            throw new IllegalStateException("a worker thread failed", failure);
        }
    }

    private void work(int task) {
        int done = 0;
        while (true) {
            while (step == done) {
                if (closed) {
                    return;
                }
                LockSupport.park(this);
            }
            done = step;
            try {
                tasks[task].run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (busy.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /**
     * Lets the workers end (each after its current task, if any). Not during a step: a workspace is
     * used by one thread at a time, and its close comes after its last epoch.
     */
    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}
