package org.cjkbook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work done on another core beside a build's own thread: a machine of two cores lays out
 * the PDF on one while the other makes what does not wait for it.
 */
public final class Beside {

    private Beside() {
    }

    /**
     * One thread, which takes tasks in the order given. It is a daemon: a build that fails
     * leaves nothing running that keeps the program from ending.
     */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The result of work done beside, its failure thrown as if it had been done here. */
    public static <T> T done(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for work done beside", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
