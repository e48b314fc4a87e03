package io.walbridge.app.common;

import javafx.application.Platform;
import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The GUI's runner: each piece of work is a JavaFX {@link Task} on a daemon thread, never on the FX thread. */
public final class FxTaskRunner implements TaskRunner {

    private final AtomicInteger count = new AtomicInteger();
    // daemon threads: a connection test still waiting on a dead host must not keep the app from exiting
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "walbridge-ui-work-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Running run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        executor.execute(task);
        return () -> task.cancel(true);
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
